import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/config.js';
import { API_LIMITS, GATEWAY_ERRORS } from '../../infra/constructs/api.js';
import { aslPlaceholders } from '../../infra/constructs/workflow.js';
import type { Capabilities } from '../../functions/wiring/capabilities.js';
import { QUEUES, WORK_QUEUE } from '../../functions/wiring/queues.js';
import { ROUTES } from '../../functions/wiring/routes.js';
import { TABLES, tableByName, type TableName } from '../../functions/wiring/tables.js';
import { SCHEDULES } from '../../functions/wiring/schedules.js';
import { BUCKET_EVENTS, UPLOAD_REPORTS } from '../../functions/wiring/bucket-events.js';
import { STATE_MACHINE_FILE, WORKFLOW_TASKS } from '../../functions/wiring/tasks.js';
import { asList, getAtt, logicalIdOf, templateOf, type CfnResource, type Statement } from './synth.js';
import { sharedSynth } from './shared-synth.js';

const require = createRequire(import.meta.url);
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: unknown[] };

/** The shared app's context (`SHARED_SYNTH`). */
const ALLOWED_ORIGIN = 'https://shop.example';
const MAIL_FROM = 'care@shop.example';
/** Actions AWS only authorises on Resource "*" (no resource types): tracing and vended log delivery. */
const RESOURCE_STAR_ACTIONS = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
]);

// Without esbuild: the template is the same but for asset hashes; bundling is checked in function-bundles.test.ts.
const synth = await sharedSynth();
const template = Template.fromJSON(templateOf(synth));
const resources: Record<string, CfnResource> = templateOf(synth).Resources;

const ofType = (type: string): Array<[string, CfnResource]> =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);
const resource = (logicalId: string): CfnResource => {
  const found = resources[logicalId];
  if (!found) throw new Error(`No resource ${logicalId} in the template`);
  return found;
};

/** Full path of every API Gateway resource, from the PathPart/ParentId chain. */
const apiResourcePaths = (): Map<string, string> => {
  const paths = new Map<string, string>();
  const pathOf = (logicalId: string): string => {
    const known = paths.get(logicalId);
    if (known !== undefined) return known;
    const { PathPart, ParentId } = resource(logicalId).Properties as { PathPart: string; ParentId: { Ref?: string } };
    const path = `${ParentId.Ref ? pathOf(ParentId.Ref) : ''}/${PathPart}`;
    paths.set(logicalId, path);
    return path;
  };
  for (const [logicalId] of ofType('AWS::ApiGateway::Resource')) pathOf(logicalId);
  return paths;
};

/** The Lambda function a proxy integration URI points at. */
const integratedFunction = (uri: unknown): string => {
  const parts = (uri as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const target = parts.find((part) => typeof part === 'object' && part !== null && 'Fn::GetAtt' in part) as {
    'Fn::GetAtt': [string, string];
  };
  return target['Fn::GetAtt'][0];
};

const expectedEnvironment = (capabilities: Capabilities): string[] => {
  const names = ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'NODE_OPTIONS'];
  for (const table of Object.keys(capabilities.tables ?? {}) as TableName[]) names.push(tableByName(table).envVar);
  if ((capabilities.workflow ?? []).length > 0) names.push('STATE_MACHINE_ARN');
  if (capabilities.mailer) names.push('MAIL_FROM', 'SES_CONFIGURATION_SET');
  if (capabilities.attachments) names.push('ATTACHMENTS_BUCKET');
  // Upload records are items of the cases table: its variable, once.
  if (capabilities.uploads && !capabilities.tables?.cases) names.push(tableByName('cases').envVar);
  // Without the publicBaseUrl context (as here): the parameter's name; see test/infra/survey-links.test.ts.
  if (capabilities.surveyLinks) names.push('SURVEY_KEY_SECRET_ARN', 'SURVEY_BASE_URL_PARAMETER');
  // Without the consoleBaseUrl and consoleDomainPrefix context (as here): the key only; see console-sign-in.test.ts.
  if (capabilities.consoleSessions) names.push('CONSOLE_SESSION_KEY_SECRET_ARN');
  // The Parameters and Secrets extension's layer (CDK's paramsAndSecrets) configures it with these.
  if (capabilities.surveyLinks || capabilities.consoleSessions) {
    names.push(
      'PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED',
      'PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE',
      'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
      'PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL',
      'PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS',
      'SECRETS_MANAGER_TIMEOUT_MILLIS',
      'SECRETS_MANAGER_TTL',
      'SSM_PARAMETER_STORE_TIMEOUT_MILLIS',
      'SSM_PARAMETER_STORE_TTL',
    );
  }
  if (capabilities.workQueue) names.push(WORK_QUEUE.urlEnvVar);
  if (capabilities.storefrontKeys) names.push('STOREFRONT_USAGE_PLAN_NAME');
  return names.sort();
};

const identityStatements = (): Array<{ policy: string; statement: Statement }> => {
  const found: Array<{ policy: string; statement: Statement }> = [];
  for (const [logicalId, res] of Object.entries(resources)) {
    const documents: unknown[] = [];
    if (res.Type === 'AWS::IAM::Policy' || res.Type === 'AWS::IAM::ManagedPolicy')
      documents.push(res.Properties.PolicyDocument);
    if (res.Type === 'AWS::IAM::Role') {
      for (const policy of (res.Properties.Policies as Array<{ PolicyDocument: unknown }> | undefined) ?? [])
        documents.push(policy.PolicyDocument);
    }
    for (const document of documents) {
      for (const statement of (document as { Statement: Statement[] }).Statement)
        found.push({ policy: logicalId, statement });
    }
  }
  return found;
};

/** CDK's own handler of the bucket's notification configuration (a deploy-time custom resource, Python). */
const NOTIFICATIONS_HANDLER = /^BucketNotificationsHandler/;
const serviceFunctions = () => ofType('AWS::Lambda::Function').filter(([id]) => !NOTIFICATIONS_HANDLER.test(id));

describe('Stack: functions', () => {
  it("has exactly one function per route, per workflow task, per schedule, per queue consumer and per bucket event, and no other function but CDK's notification handler", () => {
    expect(serviceFunctions()).toHaveLength(
      ROUTES.length + WORKFLOW_TASKS.length + SCHEDULES.length + QUEUES.length + BUCKET_EVENTS.length,
    );
    expect(ofType('AWS::Lambda::Function').length - serviceFunctions().length).toBe(1);
  });

  it('runs every function on Node 22, arm64, with tracing, 512 MB, source maps and its own log group', () => {
    for (const [logicalId, fn] of serviceFunctions()) {
      expect(fn.Properties, logicalId).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: 512,
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
        Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: 'after-sales' } },
      });
      const logGroup = resource((fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref);
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('gives each route function a 10 s timeout and exactly the environment its capabilities declare', () => {
    for (const { route, fn } of synth.stack.api.routes) {
      const props = resource(logicalIdOf(fn)).Properties as {
        Timeout: number;
        Environment: { Variables: Record<string, unknown> };
      };
      expect(props.Timeout, route.name).toBe(10);
      expect(Object.keys(props.Environment.Variables).sort(), route.name).toEqual(
        expectedEnvironment(route.capabilities),
      );
    }
  });

  it('gives each task function a 30 s timeout and exactly the environment its capabilities declare', () => {
    for (const task of WORKFLOW_TASKS) {
      const fn = synth.stack.workflow.functions.get(task.name);
      expect(fn, task.name).toBeDefined();
      const props = resource(logicalIdOf(fn!)).Properties as {
        Timeout: number;
        Environment: { Variables: Record<string, unknown> };
      };
      expect(props.Timeout, task.name).toBe(30);
      expect(Object.keys(props.Environment.Variables).sort(), task.name).toEqual(
        expectedEnvironment(task.capabilities),
      );
    }
  });

  it('runs each scheduled function from its own EventBridge rule at its declared rate, 60 s timeout, no retry', () => {
    expect(ofType('AWS::Events::Rule')).toHaveLength(SCHEDULES.length);
    for (const schedule of SCHEDULES) {
      const declared = synth.stack.schedules.functions.get(schedule.name);
      expect(declared, schedule.name).toBeDefined();
      const fnId = logicalIdOf(declared!.fn);
      const props = resource(fnId).Properties as {
        Timeout: number;
        Environment: { Variables: Record<string, unknown> };
      };
      expect(props.Timeout, schedule.name).toBe(60);
      expect(Object.keys(props.Environment.Variables).sort(), schedule.name).toEqual(
        expectedEnvironment(schedule.capabilities),
      );
      const rule = resource(logicalIdOf(declared!.rule)).Properties as {
        ScheduleExpression: string;
        State: string;
        Targets: Array<{ Arn: unknown; RetryPolicy: unknown }>;
      };
      const unit = schedule.everyMinutes === 1 ? 'minute' : 'minutes';
      expect(rule.ScheduleExpression).toBe(`rate(${schedule.everyMinutes} ${unit})`);
      expect(rule.State).toBe('ENABLED');
      expect(rule.Targets).toEqual([
        expect.objectContaining({
          Arn: getAtt(fnId),
          RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 0 }),
        }),
      ]);
    }
  });

  it("runs the upload recorder from the bucket's ObjectCreated notification under attachments/, 30 s timeout", () => {
    const fn = synth.stack.bucketEvents.functions.get(UPLOAD_REPORTS.name);
    expect(fn).toBeDefined();
    const fnId = logicalIdOf(fn!);
    const props = resource(fnId).Properties as { Timeout: number; Environment: { Variables: Record<string, unknown> } };
    expect(props.Timeout).toBe(30);
    expect(Object.keys(props.Environment.Variables).sort()).toEqual(expectedEnvironment(UPLOAD_REPORTS.capabilities));
    const [notification, ...others] = ofType('Custom::S3BucketNotifications');
    expect(others).toEqual([]);
    expect(notification![1].Properties.BucketName).toEqual({ Ref: logicalIdOf(synth.stack.data.attachmentsBucket) });
    expect(notification![1].Properties.NotificationConfiguration).toEqual({
      LambdaFunctionConfigurations: [
        {
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: UPLOAD_REPORTS.prefix }] } },
          LambdaFunctionArn: getAtt(fnId),
        },
      ],
    });
    // S3 may invoke it, from this bucket and account only.
    const permissions = ofType('AWS::Lambda::Permission').filter(
      ([, permission]) => JSON.stringify(permission.Properties.FunctionName) === JSON.stringify(getAtt(fnId)),
    );
    expect(permissions.map(([, permission]) => permission.Properties)).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
        SourceArn: getAtt(logicalIdOf(synth.stack.data.attachmentsBucket)),
      }),
    ]);
  });

  it('lets the stranded-case sweeper read and unmark cases (and query the index) and start executions only', () => {
    const fn = synth.stack.schedules.functions.get('startStrandedWorkflows')?.fn;
    const role = logicalIdOf(fn!.serviceRole);
    const actions = identityStatements()
      .filter(({ policy }) =>
        (resource(policy).Properties.Roles as Array<{ Ref: string }> | undefined)?.some((ref) => ref.Ref === role),
      )
      .flatMap(({ statement }) => asList(statement.Action));
    expect(actions).toContain('states:StartExecution');
    expect(actions).not.toContain('states:SendTaskSuccess');
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
  });

  it('passes each table name to the functions by its declared environment variable', () => {
    for (const { route, fn } of synth.stack.api.routes) {
      const variables = (resource(logicalIdOf(fn)).Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      for (const table of Object.keys(route.capabilities.tables ?? {}) as TableName[]) {
        expect(variables[tableByName(table).envVar], `${route.name} ${table}`).toEqual({
          Ref: logicalIdOf(synth.stack.data.tables[table]),
        });
      }
    }
  });
});

describe('Stack: tables', () => {
  it('provisions exactly the declared tables', () => {
    expect(ofType('AWS::DynamoDB::Table')).toHaveLength(TABLES.length);
  });

  it('makes every table on-demand, with PITR, encrypted by the stack key, retained, with its keys, TTL and indexes', () => {
    const keyArn = getAtt(logicalIdOf(synth.stack.data.key));
    for (const declaration of TABLES) {
      const table = resource(logicalIdOf(synth.stack.data.tables[declaration.name]));
      expect(table.DeletionPolicy, declaration.name).toBe('Retain');
      expect(table.Properties, declaration.name).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
        KeySchema: [
          { AttributeName: declaration.partitionKey, KeyType: 'HASH' },
          ...(declaration.sortKey ? [{ AttributeName: declaration.sortKey, KeyType: 'RANGE' }] : []),
        ],
      });
      if (declaration.ttlAttribute) {
        expect(table.Properties.TimeToLiveSpecification).toEqual({
          AttributeName: declaration.ttlAttribute,
          Enabled: true,
        });
      } else {
        expect(table.Properties.TimeToLiveSpecification).toBeUndefined();
      }
      const indexes = (table.Properties.GlobalSecondaryIndexes as unknown[] | undefined) ?? [];
      expect(indexes).toHaveLength(declaration.indexes.length);
      for (const index of declaration.indexes) {
        const projection =
          index.projection === 'ALL' || index.projection === 'KEYS_ONLY'
            ? { ProjectionType: index.projection }
            : { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projection };
        expect(indexes, `${declaration.name}.${index.indexName}`).toContainEqual({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: projection,
        });
      }
    }
  });

  it('rotates the customer-managed key', () => {
    expect(resource(logicalIdOf(synth.stack.data.key)).Properties.EnableKeyRotation).toBe(true);
  });
});

describe('Stack: IAM', () => {
  it('grants no wildcard action in any identity policy', () => {
    for (const { policy, statement } of identityStatements()) {
      for (const action of asList(statement.Action)) expect(action, policy).not.toContain('*');
    }
  });

  it('uses Resource "*" only for actions that support no resource-level permissions', () => {
    for (const { policy, statement } of identityStatements()) {
      if (!asList(statement.Resource).includes('*')) continue;
      for (const action of asList(statement.Action))
        expect(RESOURCE_STAR_ACTIONS.has(action), `${policy}: ${action}`).toBe(true);
    }
  });

  it('grants on tables, the key and the bucket only in identity policies with named resources', () => {
    const dataIds = [
      ...Object.values(synth.stack.data.tables).map((table) => logicalIdOf(table)),
      logicalIdOf(synth.stack.data.key),
      logicalIdOf(synth.stack.data.attachmentsBucket),
    ];
    for (const { policy, statement } of identityStatements()) {
      const text = JSON.stringify(statement.Resource);
      if (!dataIds.some((id) => text.includes(id))) continue;
      // The only wildcard on data: the attachments object prefix.
      expect(text.replaceAll('/attachments/*', ''), policy).not.toContain('*');
      expect(
        asList(statement.Action).every((action) => /^(dynamodb|kms|s3):[A-Za-z]+$/.test(action)),
        policy,
      ).toBe(true);
    }
  });

  it('uses the key only through DynamoDB, S3, Secrets Manager or SQS', () => {
    for (const { policy, statement } of identityStatements()) {
      if (!asList(statement.Action).some((action) => action.startsWith('kms:'))) continue;
      expect(JSON.stringify(statement.Condition), policy).toContain('kms:ViaService');
    }
  });

  it('lets a task function signal the workflow only if it declares it, on the state machine only', () => {
    const stateMachineName = synth.stack.workflow.stateMachineName;
    for (const task of WORKFLOW_TASKS) {
      const rolePolicy = logicalIdOf(
        synth.stack.workflow.functions.get(task.name)!.serviceRole.node.findChild('DefaultPolicy'),
      );
      const statements = identityStatements().filter(
        ({ statement, policy }) => policy === rolePolicy && asList(statement.Action).includes('states:SendTaskSuccess'),
      );
      expect(statements.length > 0, task.name).toBe(task.capabilities.workflow?.includes('signal') ?? false);
      for (const { statement } of statements)
        expect(JSON.stringify(statement.Resource)).toContain(`:stateMachine:${stateMachineName}`);
    }
  });

  it('grants attachment access by capability: read or presign objects under attachments/, never list the bucket', () => {
    const bucketId = logicalIdOf(synth.stack.data.attachmentsBucket);
    const declared = [
      ...synth.stack.api.routes.map(({ route, fn }) => ({ name: route.name, capabilities: route.capabilities, fn })),
      ...WORKFLOW_TASKS.map((task) => ({
        name: task.name,
        capabilities: task.capabilities,
        fn: synth.stack.workflow.functions.get(task.name)!,
      })),
    ];
    for (const { name, capabilities, fn } of declared) {
      const rolePolicy = logicalIdOf(fn.serviceRole.node.findChild('DefaultPolicy'));
      const s3Actions = identityStatements()
        .filter(
          ({ policy, statement }) => policy === rolePolicy && JSON.stringify(statement.Resource).includes(bucketId),
        )
        .flatMap(({ statement }) =>
          asList(statement.Action).map(
            (action) =>
              `${action} ${JSON.stringify(statement.Resource).includes('/attachments/*') ? 'objects' : 'bucket'}`,
          ),
        )
        .sort();
      const expected = {
        read: ['s3:GetObject objects'],
        presign: ['s3:PutObject objects'],
        none: [],
      }[capabilities.attachments ?? 'none'];
      expect(s3Actions, name).toEqual(expected);
    }
  });

  it("grants upload records by capability: get (read) or put (record) on the cases table's UPLOAD# keys only", () => {
    const casesId = logicalIdOf(synth.stack.data.tables.cases);
    const declared = [
      ...synth.stack.api.routes.map(({ route, fn }) => ({ name: route.name, capabilities: route.capabilities, fn })),
      ...WORKFLOW_TASKS.map((task) => ({
        name: task.name,
        capabilities: task.capabilities,
        fn: synth.stack.workflow.functions.get(task.name)!,
      })),
      ...BUCKET_EVENTS.map((event) => ({
        name: event.name,
        capabilities: event.capabilities,
        fn: synth.stack.bucketEvents.functions.get(event.name)!,
      })),
    ];
    expect(declared.filter(({ capabilities }) => capabilities.uploads).length).toBeGreaterThan(4);
    for (const { name, capabilities, fn } of declared) {
      const rolePolicy = logicalIdOf(fn.serviceRole.node.findChild('DefaultPolicy'));
      const onUploads = identityStatements()
        .filter(
          ({ policy, statement }) =>
            policy === rolePolicy &&
            JSON.stringify(statement.Resource).includes(casesId) &&
            JSON.stringify(statement.Condition ?? {}).includes('dynamodb:LeadingKeys'),
        )
        .map(({ statement }) => ({ actions: asList(statement.Action), condition: statement.Condition }));
      const expected = { read: ['dynamodb:GetItem'], record: ['dynamodb:PutItem'] }[capabilities.uploads ?? 'read'];
      expect(onUploads, name).toEqual(
        capabilities.uploads
          ? [
              {
                actions: expected,
                condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['UPLOAD#*'] } },
              },
            ]
          : [],
      );
    }
    // The recorder touches no case: no other statement on the cases table, and it reads objects, never writes them.
    const recorder = synth.stack.bucketEvents.functions.get(UPLOAD_REPORTS.name)!;
    const recorderPolicy = logicalIdOf(recorder.serviceRole.node.findChild('DefaultPolicy'));
    const recorderActions = identityStatements()
      .filter(({ policy }) => policy === recorderPolicy)
      .flatMap(({ statement }) => asList(statement.Action))
      .filter((action) => /^(dynamodb|s3):/.test(action))
      .sort();
    expect(recorderActions).toEqual(['dynamodb:PutItem', 's3:GetObject']);
  });

  it('scopes ses:SendEmail to the sender identity and the configuration set', () => {
    const senders = identityStatements().filter(({ statement }) => asList(statement.Action).includes('ses:SendEmail'));
    const emailingFunctions = [...ROUTES, ...WORKFLOW_TASKS, ...SCHEDULES, ...QUEUES].filter(
      (declaration) => declaration.capabilities.mailer,
    );
    expect(senders).toHaveLength(emailingFunctions.length);
    for (const { statement } of senders) {
      const text = JSON.stringify(statement.Resource);
      expect(text).toContain(':identity/');
      expect(text).toContain(':configuration-set/');
    }
  });
});

describe('Stack: workflow', () => {
  const stateMachine = (): CfnResource => {
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(1);
    return machines[0]![1];
  };

  it('validates the ASL file against the States Language schema', () => {
    const result = aslValidator(JSON.parse(readFileSync(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8')));
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('deploys the ASL file unchanged as the definition', () => {
    const key = (stateMachine().Properties.DefinitionS3Location as { Key: string }).Key;
    const manifest = JSON.parse(readFileSync(join(synth.outdir, `${synth.stack.artifactId}.assets.json`), 'utf8')) as {
      files: Record<string, { source: { path: string } }>;
    };
    const asset = manifest.files[key.replace(/\.json$/, '')];
    expect(asset).toBeDefined();
    const deployed: unknown = JSON.parse(readFileSync(join(synth.outdir, asset!.source.path), 'utf8'));
    expect(deployed).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8')));
  });

  it("substitutes every placeholder of the file with its task function's ARN, and nothing else", () => {
    const asl = readFileSync(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8');
    const substitutions = stateMachine().Properties.DefinitionSubstitutions as Record<string, unknown>;
    expect(Object.keys(substitutions).sort()).toEqual(aslPlaceholders(asl).sort());
    for (const task of WORKFLOW_TASKS) {
      expect(substitutions[task.arnPlaceholder], task.name).toEqual(
        getAtt(logicalIdOf(synth.stack.workflow.functions.get(task.name)!)),
      );
    }
  });

  it('makes every Task state invoke a function of this stack, after substitution', () => {
    const substitutions = stateMachine().Properties.DefinitionSubstitutions as Record<
      string,
      { 'Fn::GetAtt': [string, string] }
    >;
    const asl = readFileSync(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8').replace(
      /\$\{([A-Za-z0-9_]+)\}/g,
      (_match, name: string) => {
        const target = substitutions[name];
        if (!target) throw new Error(`No substitution for \${${name}}`);
        return `GetAtt:${target['Fn::GetAtt'][0]}`;
      },
    );
    const states = (
      JSON.parse(asl) as { States: Record<string, { Type: string; Parameters?: { FunctionName?: string } }> }
    ).States;
    const tasks = Object.entries(states).filter(([, state]) => state.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const [name, state] of tasks) {
      const functionName = state.Parameters?.FunctionName ?? '';
      expect(functionName, name).toMatch(/^GetAtt:/);
      expect(resource(functionName.slice('GetAtt:'.length)).Type, name).toBe('AWS::Lambda::Function');
    }
  });

  it('gives every callback task a timeout, and a Catch on States.Timeout that leads to a state of the machine', () => {
    interface AslTask {
      Type: string;
      Resource?: string;
      TimeoutSeconds?: number;
      TimeoutSecondsPath?: string;
      Catch?: Array<{ ErrorEquals: string[]; Next: string }>;
    }
    const states = (
      JSON.parse(readFileSync(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8')) as { States: Record<string, AslTask> }
    ).States;
    const callbacks = Object.entries(states).filter(([, state]) => state.Resource?.endsWith('.waitForTaskToken'));
    expect(callbacks.map(([name]) => name).sort()).toEqual([
      'AwaitAftercare',
      'AwaitAssignment',
      'AwaitFirstResponse',
      'AwaitResolution',
      'AwaitReviewDecision',
    ]);
    for (const [name, state] of callbacks) {
      // Without one, a lost signal would park the execution for a year (the Standard workflow's limit).
      expect(state.TimeoutSeconds !== undefined || state.TimeoutSecondsPath !== undefined, name).toBe(true);
      const onTimeout = state.Catch?.find((handler) => handler.ErrorEquals.includes('States.Timeout'));
      expect(onTimeout, name).toBeDefined();
      expect(states[onTimeout!.Next], name).toBeDefined();
    }
    // The milestone waits escalate when they time out: their timeout is the time left to the next SLA step.
    for (const name of ['AwaitAssignment', 'AwaitFirstResponse', 'AwaitResolution']) {
      expect(states[name]!.Catch?.find((handler) => handler.ErrorEquals.includes('States.Timeout'))?.Next).toBe(
        'EscalateOverdue',
      );
    }
    // Between follow-up steps (survey, reminder, revisit) the wait times out into the next step.
    expect(states.AwaitAftercare!.Catch?.find((handler) => handler.ErrorEquals.includes('States.Timeout'))?.Next).toBe(
      'FollowUpCase',
    );
  });

  it('lets the state machine invoke exactly its task functions', () => {
    const roleArn = stateMachine().Properties.RoleArn as { 'Fn::GetAtt': [string, string] };
    const invokes = identityStatements().filter(({ statement }) =>
      asList(statement.Action).includes('lambda:InvokeFunction'),
    );
    expect(invokes).toHaveLength(1);
    const policy = resource(invokes[0]!.policy).Properties as { Roles: Array<{ Ref: string }> };
    expect(policy.Roles).toEqual([{ Ref: roleArn['Fn::GetAtt'][0] }]);
    expect(asList(invokes[0]!.statement.Resource)).toEqual(
      expect.arrayContaining(
        WORKFLOW_TASKS.map((task) => getAtt(logicalIdOf(synth.stack.workflow.functions.get(task.name)!))),
      ),
    );
    expect(asList(invokes[0]!.statement.Resource)).toHaveLength(WORKFLOW_TASKS.length);
  });

  it('runs a Standard state machine with tracing and ALL-level logging without execution data', () => {
    expect(stateMachine().Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      StateMachineName: synth.stack.workflow.stateMachineName,
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: getAtt(logicalIdOf(synth.stack.workflow.logGroup)) } }],
      },
    });
  });
});

describe('Stack: API', () => {
  it('has one method per route, with an API key exactly on storefront routes and Cognito on staff routes, proxied to its own function', () => {
    const paths = apiResourcePaths();
    const methods = ofType('AWS::ApiGateway::Method');
    expect(methods).toHaveLength(ROUTES.length);
    const seenFunctions = new Set<string>();
    for (const route of ROUTES) {
      const match = methods.find(([, method]) => {
        const { HttpMethod, ResourceId } = method.Properties as { HttpMethod: string; ResourceId: { Ref?: string } };
        return HttpMethod === route.method && ResourceId.Ref !== undefined && paths.get(ResourceId.Ref) === route.path;
      });
      expect(match, `${route.method} ${route.path}`).toBeDefined();
      const props = match![1].Properties as {
        ApiKeyRequired: boolean;
        AuthorizationType: string;
        RequestValidatorId?: unknown;
        OperationName: string;
        Integration: { Type: string; Uri: unknown };
      };
      expect(props.ApiKeyRequired, route.name).toBe(route.auth === 'apiKey');
      expect(props.AuthorizationType, route.name).toBe(route.auth === 'staff' ? 'COGNITO_USER_POOLS' : 'NONE');
      expect(props.OperationName).toBe(route.name);
      expect(props.RequestValidatorId).toBeDefined();
      expect(props.Integration.Type).toBe('AWS_PROXY');
      const target = integratedFunction(props.Integration.Uri);
      expect(target).toBe(logicalIdOf(synth.stack.api.routes.find((deployed) => deployed.route === route)!.fn));
      seenFunctions.add(target);
    }
    expect(seenFunctions.size).toBe(ROUTES.length);
  });

  it('is a regional API whose stage writes JSON access logs, traces, meters and throttles', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    const stages = ofType('AWS::ApiGateway::Stage');
    expect(stages).toHaveLength(1);
    const stage = stages[0]![1].Properties as {
      StageName: string;
      TracingEnabled: boolean;
      AccessLogSetting: { DestinationArn: unknown; Format: string };
      MethodSettings: Array<Record<string, unknown>>;
    };
    expect(stage.StageName).toBe('test');
    expect(stage.TracingEnabled).toBe(true);
    expect(JSON.stringify(stage.AccessLogSetting.DestinationArn)).toContain(
      `{"Ref":"${logicalIdOf(synth.stack.api.accessLogGroup)}"}`,
    );
    expect(JSON.parse(stage.AccessLogSetting.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
    });
    expect(stage.MethodSettings).toContainEqual(
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        MetricsEnabled: true,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        ThrottlingRateLimit: API_LIMITS.stage.rateLimit,
        ThrottlingBurstLimit: API_LIMITS.stage.burstLimit,
      }),
    );
  });

  it('validates requests', () => {
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });

  it('has a storefront usage plan with throttle and quota on the stage, and outputs its id', () => {
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: API_LIMITS.perStoreKey.rateLimit, BurstLimit: API_LIMITS.perStoreKey.burstLimit },
      Quota: { Limit: API_LIMITS.perStoreKey.requestsPerDay, Period: 'DAY' },
      ApiStages: [Match.objectLike({ Stage: Match.anyValue() })],
    });
    template.hasOutput('UsagePlanId', { Value: { Ref: logicalIdOf(synth.stack.api.usagePlan) } });
  });

  it("answers API Gateway's own errors in the API's error shape, with the request id header", () => {
    for (const error of GATEWAY_ERRORS) {
      const found = ofType('AWS::ApiGateway::GatewayResponse').find(
        ([, response]) => response.Properties.ResponseType === error.type.responseType,
      );
      expect(found, error.type.responseType).toBeDefined();
      const props = found![1].Properties as {
        StatusCode?: string;
        ResponseParameters: Record<string, string>;
        ResponseTemplates: Record<string, string>;
      };
      expect(props.StatusCode).toBe(error.statusCode);
      expect(props.ResponseParameters['gatewayresponse.header.x-request-id']).toBe('context.requestId');
      const body = (props.ResponseTemplates['application/json'] ?? '').replace(
        '$context.error.messageString',
        '"A message"',
      );
      expect(JSON.parse(body)).toEqual({ error: { code: error.code, message: expect.any(String) } });
    }
    const byType = (type: string): { StatusCode?: string; ResponseTemplates: Record<string, string> } =>
      ofType('AWS::ApiGateway::GatewayResponse').find(([, response]) => response.Properties.ResponseType === type)![1]
        .Properties as never;
    expect(byType('INVALID_API_KEY').StatusCode).toBe('401');
    expect(byType('MISSING_AUTHENTICATION_TOKEN').StatusCode).toBe('401');
    expect(byType('REQUEST_TOO_LARGE').StatusCode).toBe('413');
    expect(byType('THROTTLED').ResponseTemplates['application/json']).toContain('"throttled"');
    expect(byType('DEFAULT_5XX').ResponseTemplates['application/json']).toContain('"internal_error"');
  });
});

describe('Stack: attachments bucket', () => {
  const bucket = (): CfnResource => resource(logicalIdOf(synth.stack.data.attachmentsBucket));

  it('blocks public access, is versioned, KMS-encrypted, logged and retained', () => {
    expect(bucket().DeletionPolicy).toBe('Retain');
    expect(bucket().Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: getAtt(logicalIdOf(synth.stack.data.key)),
            },
          },
        ],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(synth.stack.data.accessLogsBucket) } },
    });
  });

  it('enforces TLS on both buckets', () => {
    for (const target of [synth.stack.data.attachmentsBucket, synth.stack.data.accessLogsBucket]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalIdOf(target) },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('expires attachments, aborts incomplete uploads and allows PUT from the configured origins', () => {
    const props = bucket().Properties as {
      LifecycleConfiguration: { Rules: Array<Record<string, unknown>> };
      CorsConfiguration: { CorsRules: Array<Record<string, unknown>> };
    };
    expect(props.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ ExpirationInDays: 400, Status: 'Enabled' }),
    );
    expect(props.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
    );
    expect(props.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['PUT'], AllowedOrigins: [ALLOWED_ORIGIN] }),
    ]);
  });
});

describe('Stack: email and outputs', () => {
  it('creates the sender identity with a configuration set that suppresses bounces and complaints', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: MAIL_FROM,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalIdOf(synth.stack.email.configurationSet) } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('outputs the API URL, usage plan, staff user pool and client, tables, state machine and bucket', () => {
    const outputs = Object.keys(template.toJSON().Outputs as Record<string, unknown>);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'ApiUrl',
        'UsagePlanId',
        'UserPoolId',
        'UserPoolClientId',
        'StateMachineArn',
        'AttachmentsBucketName',
        ...TABLES.map((table) => `${table.name[0]!.toUpperCase()}${table.name.slice(1)}TableName`),
      ]),
    );
  });
});
