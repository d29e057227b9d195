import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../functions/domain/staff.js';
import type { Capabilities } from '../../functions/wiring/capabilities.js';
import { ROUTES } from '../../functions/wiring/routes.js';
import { tableByName } from '../../functions/wiring/tables.js';
import { WORKFLOW_TASKS } from '../../functions/wiring/tasks.js';
import { STAFF_CUSTOM_ATTRIBUTES } from '../../infra/constructs/staff-identity.js';
import type { ServiceFunction } from '../../infra/constructs/service-function.js';
import { asList, getAtt, logicalIdOf, templateOf, type CfnResource, type Statement } from './synth.js';
import { sharedSynth } from './shared-synth.js';

const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

const synth = await sharedSynth();
const { Resources: resources, Outputs: outputs } = templateOf(synth);

const ofType = (type: string): Array<[string, CfnResource]> =>
  Object.entries(resources).filter(([, found]) => found.Type === type);
const only = (type: string): [string, CfnResource] => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, CfnResource];
};
const userPool = (): Record<string, unknown> => only('AWS::Cognito::UserPool')[1].Properties;
const consoleClient = (): Record<string, unknown> => only('AWS::Cognito::UserPoolClient')[1].Properties;

/** Every function of the stack with what it declares: one per route and one per workflow task. */
const declaredFunctions = (): Array<{ name: string; capabilities: Capabilities; fn: ServiceFunction }> => [
  ...synth.stack.api.routes.map(({ route, fn }) => ({ name: route.name, capabilities: route.capabilities, fn })),
  ...WORKFLOW_TASKS.map((task) => {
    const fn = synth.stack.workflow.functions.get(task.name);
    if (!fn) throw new Error(`No function for task ${task.name}`);
    return { name: task.name, capabilities: task.capabilities, fn };
  }),
];

/** The statements of a function's own role policy. */
const roleStatements = (fn: ServiceFunction): Statement[] => {
  const policy = resources[logicalIdOf(fn.serviceRole.node.findChild('DefaultPolicy'))];
  return (policy?.Properties.PolicyDocument as { Statement: Statement[] } | undefined)?.Statement ?? [];
};

describe('Stack: staff user pool', () => {
  it('lets only administrators create users (no self sign-up), who sign in with their email', () => {
    expect(userPool()).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
    });
  });

  it('requires a strong password: 12 characters with lower and upper case, digits and symbols, not reused', () => {
    expect(userPool().Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        PasswordHistorySize: 5,
        TemporaryPasswordValidityDays: 3,
      },
    });
  });

  it('requires MFA with an authenticator app only (no SMS, so no SMS role)', () => {
    expect(userPool()).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    expect(userPool().SmsConfiguration).toBeUndefined();
  });

  it('is on the Plus feature plan with threat protection enforced', () => {
    expect(userPool()).toMatchObject({ UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
  });

  it('blocks leaked passwords and high-risk sign-ins for every client of the pool', () => {
    const [, risk] = only('AWS::Cognito::UserPoolRiskConfigurationAttachment');
    expect(risk.Properties).toMatchObject({
      UserPoolId: { Ref: only('AWS::Cognito::UserPool')[0] },
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK' } } },
    });
    const filter = (risk.Properties.CompromisedCredentialsRiskConfiguration as { EventFilter: string[] }).EventFilter;
    expect(filter).toEqual(expect.arrayContaining(['SIGN_IN', 'PASSWORD_CHANGE']));
  });

  it('recovers accounts by verified email only and survives stack deletion', () => {
    const [, pool] = only('AWS::Cognito::UserPool');
    expect(pool.Properties.AccountRecoverySetting).toEqual({
      RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }],
    });
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('declares the custom attributes storeId and agentId', () => {
    const schema = userPool().Schema as Array<{ Name: string; AttributeDataType?: string }>;
    for (const name of ['storeId', 'agentId']) {
      expect(schema, name).toContainEqual(expect.objectContaining({ Name: name, AttributeDataType: 'String' }));
    }
  });

  it('has exactly the groups agent, supervisor and admin, in the pool', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties);
    expect(groups.map((group) => group.GroupName).sort()).toEqual(['admin', 'agent', 'supervisor']);
    expect(groups.map((group) => group.GroupName).sort()).toEqual([...STAFF_ROLES].sort());
    const poolId = only('AWS::Cognito::UserPool')[0];
    for (const group of groups) expect(group.UserPoolId).toEqual({ Ref: poolId });
  });
});

describe('Stack: staff console client', () => {
  it('is a public client signing in with SRP only: no secret, no OAuth, no password or admin flows', () => {
    expect(consoleClient()).toMatchObject({ GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: false });
    expect((consoleClient().ExplicitAuthFlows as string[]).sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
    expect(consoleClient().AllowedOAuthFlows).toBeUndefined();
    expect(consoleClient().PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('issues short-lived tokens: ID and access tokens for an hour, refresh tokens for 12 hours', () => {
    expect(consoleClient()).toMatchObject({
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
      EnableTokenRevocation: true,
    });
  });

  it('puts the store and agent id into the tokens it reads', () => {
    expect(consoleClient().ReadAttributes).toEqual(
      expect.arrayContaining(['custom:storeId', 'custom:agentId', 'email']),
    );
  });

  it('cannot write the store or agent id (or the email): an explicit list without any custom attribute', () => {
    // Absent, WriteAttributes means "every attribute": the list must be there.
    const writable = consoleClient().WriteAttributes as string[] | undefined;
    expect(writable).toEqual(['name']);
    for (const name of STAFF_CUSTOM_ATTRIBUTES) expect(writable, name).not.toContain(`custom:${name}`);
    expect(writable?.filter((attribute) => attribute.startsWith('custom:'))).toEqual([]);
  });

  it('outputs the user pool id and the client id', () => {
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: only('AWS::Cognito::UserPool')[0] });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: only('AWS::Cognito::UserPoolClient')[0] });
  });
});

describe('Stack: staff routes', () => {
  it('has one Cognito authorizer on the staff user pool, reading the Authorization header', () => {
    const [, authorizer] = only('AWS::ApiGateway::Authorizer');
    expect(authorizer.Properties).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [getAtt(only('AWS::Cognito::UserPool')[0])],
    });
  });

  it.each(ROUTES.map((route) => [route.name, route] as const))(
    'guards %s by its auth kind: staff by the Cognito authorizer, storefront by the API key',
    (_name, route) => {
      // Prepare
      const deployed = synth.stack.api.routes.find((candidate) => candidate.route === route);
      if (!deployed) throw new Error(`No method for ${route.name}`);
      const authorizerId = only('AWS::ApiGateway::Authorizer')[0];

      // Act
      const method = resources[logicalIdOf(deployed.method)]?.Properties;

      // Assess
      const expected = {
        staff: { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: authorizerId }, ApiKeyRequired: false },
        apiKey: { AuthorizationType: 'NONE', AuthorizerId: undefined, ApiKeyRequired: true },
        public: { AuthorizationType: 'NONE', AuthorizerId: undefined, ApiKeyRequired: false },
        console: { AuthorizationType: 'NONE', AuthorizerId: undefined, ApiKeyRequired: false },
      }[route.auth];
      expect({
        AuthorizationType: method?.AuthorizationType,
        AuthorizerId: method?.AuthorizerId,
        ApiKeyRequired: method?.ApiKeyRequired,
      }).toEqual(expected);
    },
  );

  it('declares roles on every staff route and only there', () => {
    for (const route of ROUTES) expect((route.roles ?? []).length > 0, route.name).toBe(route.auth === 'staff');
  });

  it("answers the authorizer's rejection with 401 in the API's error shape", () => {
    const response = ofType('AWS::ApiGateway::GatewayResponse').find(
      ([, found]) => found.Properties.ResponseType === 'UNAUTHORIZED',
    );
    expect(response?.[1].Properties.StatusCode).toBe('401');
    expect((response?.[1].Properties.ResponseTemplates as Record<string, string>)['application/json']).toContain(
      '"unauthenticated"',
    );
  });
});

describe('Stack: agents table and the byQueue index', () => {
  it('provisions the agents table with its keys, PITR and the stack key, retained', () => {
    const table = resources[logicalIdOf(synth.stack.data.tables.agents)];
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: getAtt(logicalIdOf(synth.stack.data.key)) },
    });
  });

  it('indexes the cases table byQueue (queueKey, queueSortKey, all attributes)', () => {
    const indexes = resources[logicalIdOf(synth.stack.data.tables.cases)]?.Properties.GlobalSecondaryIndexes;
    expect(indexes).toContainEqual({
      IndexName: 'byQueue',
      KeySchema: [
        { AttributeName: 'queueKey', KeyType: 'HASH' },
        { AttributeName: 'queueSortKey', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
  });

  it('grants the agents table exactly by capability: named actions on the table only, never Scan', () => {
    const agentsTableId = logicalIdOf(synth.stack.data.tables.agents);
    const table = tableByName('agents');
    // CDK merges statements with the same actions, so a statement may also name other tables: whole-table ARNs only.
    const tableArns = new Set(
      Object.values(synth.stack.data.tables).map((candidate) => JSON.stringify(getAtt(logicalIdOf(candidate)))),
    );
    for (const { name, capabilities, fn } of declaredFunctions()) {
      // Act
      const onAgents = roleStatements(fn).filter((statement) =>
        JSON.stringify(statement.Resource).includes(agentsTableId),
      );
      const variables = (resources[logicalIdOf(fn)]?.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;

      // Assess
      const access = capabilities.tables?.agents;
      const expected = { read: TABLE_READ, readWrite: [...TABLE_READ, ...TABLE_WRITE].sort(), none: [] }[
        access ?? 'none'
      ];
      expect(onAgents.flatMap((statement) => asList(statement.Action)).sort(), name).toEqual(expected);
      for (const statement of onAgents) {
        expect(
          asList(statement.Resource).every((target) => tableArns.has(JSON.stringify(target))),
          name,
        ).toBe(true);
      }
      expect(variables[table.envVar], name).toEqual(access ? { Ref: agentsTableId } : undefined);
    }
  });

  it('lets every function that reads cases query the byQueue index by name', () => {
    const casesTableId = logicalIdOf(synth.stack.data.tables.cases);
    const byQueue = { 'Fn::Join': ['', [getAtt(casesTableId), '/index/byQueue']] };
    for (const { name, capabilities, fn } of declaredFunctions()) {
      const queries = roleStatements(fn).filter((statement) =>
        asList(statement.Resource).some((target) => JSON.stringify(target) === JSON.stringify(byQueue)),
      );
      expect(
        queries.flatMap((statement) => asList(statement.Action)),
        name,
      ).toEqual(capabilities.tables?.cases ? ['dynamodb:Query'] : []);
    }
  });

  it('lets only the staff list route query the byCustomerEmail index (keyed by personal data)', () => {
    const casesTableId = logicalIdOf(synth.stack.data.tables.cases);
    const byEmail = JSON.stringify({ 'Fn::Join': ['', [getAtt(casesTableId), '/index/byCustomerEmail']] });
    const granted = declaredFunctions()
      .filter(({ fn }) =>
        roleStatements(fn).some((statement) =>
          asList(statement.Resource).some((target) => JSON.stringify(target) === byEmail),
        ),
      )
      .map(({ name }) => name);
    expect(granted).toEqual(['listStaffCases']);
  });
});
