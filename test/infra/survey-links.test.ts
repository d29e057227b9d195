import { App, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../../functions/wiring/capabilities.js';
import { ROUTES } from '../../functions/wiring/routes.js';
import { WORKFLOW_TASKS } from '../../functions/wiring/tasks.js';
import { readDeploymentConfig } from '../../infra/config.js';
import type { ServiceFunction } from '../../infra/constructs/service-function.js';
import { SURVEY_KEY_LENGTH } from '../../infra/constructs/survey.js';
import {
  asList,
  dependencyCycle,
  getAtt,
  logicalIdOf,
  resourceDependencies,
  synthesize,
  templateOf,
  type CfnResource,
  type Statement,
  type Synthesized,
  writtenTemplates,
} from './synth.js';

/** A template's `Mappings`: by map, then region, then key. */
type MappingsOf = Record<string, Record<string, Record<string, string>>>;
import { sharedSynth } from './shared-synth.js';

const STAGE = 'test';
const PARAMETER_NAME = `/after-sales-${STAGE}/survey-base-url`;
const PUBLIC_BASE_URL = 'https://care.shop.example';

interface Deployed {
  synth: Synthesized;
  resources: Record<string, CfnResource>;
  outputs: Record<string, unknown>;
}

const deployedOf = (synth: Synthesized): Deployed => {
  const template = templateOf(synth);
  return { synth, resources: template.Resources, outputs: template.Outputs };
};
// The shared app (base URL from the parameter; its stage is STAGE), and a variant with a publicBaseUrl synthesized
// here at module scope: no hook's timeout runs while it synthesizes. Templates only: the bundles are checked in
// function-bundles.test.ts.
const shared = deployedOf(await sharedSynth());
const withPublicBaseUrl = deployedOf(
  synthesize({ context: { stage: STAGE, publicBaseUrl: `${PUBLIC_BASE_URL}/` }, skipBundling: true }),
);
afterAll(() => withPublicBaseUrl.synth.cleanup());

const ofType = ({ resources }: Deployed, type: string): Array<[string, CfnResource]> =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

/** Every deployed function with its declaration. */
const declaredFunctions = ({
  synth,
}: Deployed): Array<{ name: string; capabilities: Capabilities; fn: ServiceFunction }> => [
  ...synth.stack.api.routes.map(({ route, fn }) => ({ name: route.name, capabilities: route.capabilities, fn })),
  ...WORKFLOW_TASKS.map((task) => ({
    name: task.name,
    capabilities: task.capabilities,
    fn: synth.stack.workflow.functions.get(task.name)!,
  })),
];

const environmentOf = (deployed: Deployed, fn: ServiceFunction): Record<string, unknown> =>
  (deployed.resources[logicalIdOf(fn)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

/** The statements of a function role's own policy. */
const statementsOf = (deployed: Deployed, fn: ServiceFunction): Statement[] =>
  (
    deployed.resources[logicalIdOf(fn.serviceRole.node.findChild('DefaultPolicy'))]!.Properties.PolicyDocument as {
      Statement: Statement[];
    }
  ).Statement;

const actionsOn = (statements: Statement[], prefix: string): Statement[] =>
  statements.filter((statement) => asList(statement.Action).some((action) => action.startsWith(prefix)));

describe('Stack: survey links, base URL from the SSM parameter (no publicBaseUrl)', () => {
  const deployed = shared;

  it('the declarations have survey link users: the follow-up task and both survey page routes', () => {
    const users = [...ROUTES, ...WORKFLOW_TASKS].filter((declaration) => declaration.capabilities.surveyLinks);
    expect(users.map((declaration) => declaration.name).sort()).toEqual(['answerSurvey', 'followUpCase', 'getSurvey']);
  });

  it('generates the key secret: at least 64 letters and digits, encrypted with the stack key, retained', () => {
    // The survey key and, beside it, the staff console's session key (its own tests: console-sign-in.test.ts).
    const secrets = ofType(deployed, 'AWS::SecretsManager::Secret');
    const surveyKeyId = logicalIdOf(deployed.synth.stack.survey.keySecret);
    expect(secrets.map(([logicalId]) => logicalId).sort()).toEqual(
      [surveyKeyId, logicalIdOf(deployed.synth.stack.consoleSessionKey.secret)].sort(),
    );
    const [, secret] = secrets.find(([logicalId]) => logicalId === surveyKeyId)!;
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.KmsKeyId).toEqual(getAtt(logicalIdOf(deployed.synth.stack.data.key)));
    const generated = secret.Properties.GenerateSecretString as {
      PasswordLength: number;
      ExcludePunctuation: boolean;
      IncludeSpace: boolean;
    };
    expect(generated.PasswordLength).toBeGreaterThanOrEqual(64);
    expect(generated.PasswordLength).toBe(SURVEY_KEY_LENGTH);
    expect(generated).toMatchObject({ ExcludePunctuation: true, IncludeSpace: false });
  });

  it('keeps the API stage URL, without its trailing slash, in an SSM String parameter of a fixed name', () => {
    const parameters = ofType(deployed, 'AWS::SSM::Parameter');
    expect(parameters).toHaveLength(1);
    const parameter = parameters[0]![1].Properties as { Name: string; Type: string; Value: unknown };
    expect(parameter.Name).toBe(PARAMETER_NAME);
    expect(parameter.Type).toBe('String');
    // `RestApi.url` is `https://<id>.execute-api.<region>.<suffix>/<stage>/`: the same parts without the last '/'.
    const apiUrl = deployed.synth.stack.resolve(deployed.synth.stack.api.restApi.url) as {
      'Fn::Join': [string, unknown[]];
    };
    const parts = [...apiUrl['Fn::Join'][1]];
    expect(parts.pop()).toBe('/');
    expect(parameter.Value).toEqual({ 'Fn::Join': ['', parts] });
  });

  it('gives exactly the functions that declare surveyLinks the secret ARN and the parameter name', () => {
    const secretRef = { Ref: logicalIdOf(deployed.synth.stack.survey.keySecret) };
    for (const { name, capabilities, fn } of declaredFunctions(deployed)) {
      const variables = environmentOf(deployed, fn);
      if (capabilities.surveyLinks) {
        expect(variables.SURVEY_KEY_SECRET_ARN, name).toEqual(secretRef);
        expect(variables.SURVEY_BASE_URL_PARAMETER, name).toBe(PARAMETER_NAME);
      } else {
        expect(variables.SURVEY_KEY_SECRET_ARN, name).toBeUndefined();
        expect(variables.SURVEY_BASE_URL_PARAMETER, name).toBeUndefined();
      }
      expect(variables.SURVEY_BASE_URL, name).toBeUndefined();
    }
  });

  it('gives exactly those functions the Parameters and Secrets extension, the layer that reads for them', () => {
    for (const { name, capabilities, fn } of declaredFunctions(deployed)) {
      const properties = deployed.resources[logicalIdOf(fn)]!.Properties;
      const layers = JSON.stringify(properties.Layers ?? []);
      const variables = environmentOf(deployed, fn);
      // The console's session key is read through the same extension.
      if (capabilities.surveyLinks || capabilities.consoleSessions) {
        // The layer's ARN by region, from the function's own (nested) stack's mapping: AWS's arm64 build of it.
        const [mapping, , version] = (properties.Layers as Array<{ 'Fn::FindInMap': [string, unknown, string] }>)[0]![
          'Fn::FindInMap'
        ];
        const mappings = (writtenTemplates(deployed.synth).get(Stack.of(fn)) as unknown as { Mappings: MappingsOf })
          .Mappings;
        expect(layers, name).toContain('"Ref":"AWS::Region"');
        expect(mappings[mapping]?.['eu-west-1']?.[version], name).toMatch(
          /^arn:aws:lambda:eu-west-1:\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/,
        );
        expect(variables.PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL, name).toBe('warn');
      } else {
        expect(properties.Layers, name).toBeUndefined();
        expect(variables.PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL, name).toBeUndefined();
      }
    }
  });

  it('lets exactly those functions read the secret, decrypt it through Secrets Manager only, and get the parameter by name', () => {
    const secretId = logicalIdOf(deployed.synth.stack.survey.keySecret);
    const keyArn = getAtt(logicalIdOf(deployed.synth.stack.data.key));
    for (const { name, capabilities, fn } of declaredFunctions(deployed)) {
      const statements = statementsOf(deployed, fn);
      const secretReads = actionsOn(statements, 'secretsmanager:');
      const parameterReads = actionsOn(statements, 'ssm:');
      const secretsManagerDecrypts = statements.filter((statement) =>
        JSON.stringify(statement.Condition ?? {}).includes('secretsmanager.'),
      );
      if (!capabilities.surveyLinks) {
        expect(parameterReads, name).toEqual([]);
        expect(JSON.stringify(statements), name).not.toContain(secretId);
        // Only a console function reads a secret: its session key, none other.
        const consoleKeyRef = { Ref: logicalIdOf(deployed.synth.stack.consoleSessionKey.secret) };
        if (capabilities.consoleSessions) {
          expect(
            secretReads.map((statement) => statement.Resource),
            name,
          ).toEqual([consoleKeyRef]);
        } else {
          expect([...secretReads, ...secretsManagerDecrypts], name).toEqual([]);
        }
        continue;
      }
      expect(secretReads, name).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: { Ref: secretId },
        }),
      ]);
      expect(secretsManagerDecrypts, name).toEqual([
        expect.objectContaining({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn }),
      ]);
      expect(parameterReads, name).toHaveLength(1);
      expect(parameterReads[0]!.Action, name).toBe('ssm:GetParameter');
      // An ARN built from the name, not a reference to the parameter resource.
      const arn = JSON.stringify(parameterReads[0]!.Resource);
      expect(arn, name).toContain(`:ssm:`);
      expect(arn, name).toContain(`:parameter${PARAMETER_NAME}"`);
    }
  });

  it('grants no function anything in the key policy: every grant is in the function role policy', () => {
    const keyPolicy = JSON.stringify(
      deployed.resources[logicalIdOf(deployed.synth.stack.data.key)]!.Properties.KeyPolicy,
    );
    for (const { name, fn } of declaredFunctions(deployed)) {
      expect(keyPolicy, name).not.toContain(logicalIdOf(fn.serviceRole));
    }
  });

  it('refers to the parameter from nothing else in the template (a Ref from a function would close a cycle)', () => {
    const parameterId = logicalIdOf(deployed.synth.stack.survey.baseUrlParameter!);
    const dependents = [...resourceDependencies(deployed.resources)]
      .filter(([, dependencies]) => dependencies.has(parameterId))
      .map(([logicalId]) => logicalId);
    expect(dependents).toEqual([]);
  });

  it('has no dependency cycle among its resources', () => {
    expect(dependencyCycle(resourceDependencies(deployed.resources))).toBeUndefined();
  });

  it('would find the cycle a reference to the parameter closes (the check above can fail)', () => {
    // Prepare: the dependencies as they would be if getSurvey's role policy named the parameter's ARN by Ref.
    const dependencies = resourceDependencies(deployed.resources);
    const getSurvey = deployed.synth.stack.api.routes.find(({ route }) => route.name === 'getSurvey')!.fn;
    const rolePolicy = logicalIdOf(getSurvey.serviceRole.node.findChild('DefaultPolicy'));
    dependencies.get(rolePolicy)!.add(logicalIdOf(deployed.synth.stack.survey.baseUrlParameter!));

    // Act
    const cycle = dependencyCycle(dependencies);

    // Assess
    expect(cycle).toBeDefined();
  });

  it('outputs the secret ARN and the parameter name', () => {
    expect(deployed.outputs.SurveyKeySecretArn).toMatchObject({
      Value: { Ref: logicalIdOf(deployed.synth.stack.survey.keySecret) },
    });
    expect(deployed.outputs.SurveyBaseUrlParameterName).toMatchObject({
      Value: { Ref: logicalIdOf(deployed.synth.stack.survey.baseUrlParameter!) },
    });
  });
});

describe('Stack: survey links with the publicBaseUrl context', () => {
  const deployed = withPublicBaseUrl;

  it('makes no parameter and gives the survey link users the URL itself, without a trailing slash', () => {
    expect(ofType(deployed, 'AWS::SSM::Parameter')).toEqual([]);
    // The survey key and the console's session key.
    expect(ofType(deployed, 'AWS::SecretsManager::Secret')).toHaveLength(2);
    expect(deployed.outputs.SurveyBaseUrlParameterName).toBeUndefined();
    for (const { name, capabilities, fn } of declaredFunctions(deployed)) {
      const variables = environmentOf(deployed, fn);
      expect(variables.SURVEY_BASE_URL, name).toBe(capabilities.surveyLinks ? PUBLIC_BASE_URL : undefined);
      expect(variables.SURVEY_BASE_URL_PARAMETER, name).toBeUndefined();
      expect(actionsOn(statementsOf(deployed, fn), 'ssm:'), name).toEqual([]);
      expect(actionsOn(statementsOf(deployed, fn), 'secretsmanager:').length > 0, name).toBe(
        capabilities.surveyLinks === true || capabilities.consoleSessions === true,
      );
    }
  });

  it('has no dependency cycle among its resources', () => {
    expect(dependencyCycle(resourceDependencies(deployed.resources))).toBeUndefined();
  });
});

describe('Config: publicBaseUrl', () => {
  const read = (publicBaseUrl: unknown) => () => readDeploymentConfig(new App({ context: { publicBaseUrl } }).node);

  it.each([
    ['https://care.shop.example', 'https://care.shop.example'],
    ['https://care.shop.example/', 'https://care.shop.example'],
    ['https://shop.example/care', 'https://shop.example/care'],
  ])('accepts %s as %s', (given, expected) => {
    expect(read(given)().publicBaseUrl).toBe(expected);
  });

  it('is absent by default', () => {
    expect(readDeploymentConfig(new App().node).publicBaseUrl).toBeUndefined();
  });

  it.each(['http://care.shop.example', 'care.shop.example', 'https://care.shop.example/?a=1', 'https://x/#f'])(
    'refuses %s',
    (given) => {
      expect(read(given)).toThrow('Context "publicBaseUrl" must be an https URL');
    },
  );
});
