import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAwsDependencies } from '../../../functions/commons/aws-dependencies.js';
import { declaredDependencies } from '../../../functions/commons/declared-dependencies.js';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import { UndeclaredCapabilityError } from '../../../functions/domain/errors.js';
import { systemClock } from '../../../functions/ports/clock.js';
import type { Capabilities } from '../../../functions/wiring/capabilities.js';
import type { PortName } from '../../../functions/wiring/capability-flags.js';
import { REPO_ROOT } from '../../../infra/config.js';
import { functionBuildOptions } from '../../../infra/function-bundling.js';

/** What `bindCapabilities` gives a function that declares everything (region and credentials as Lambda sets them). */
const FULL_ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  CASES_TABLE: 'cases-table',
  STORES_TABLE: 'stores-table',
  AGENTS_TABLE: 'agents-table',
  IDEMPOTENCY_TABLE: 'idempotency-table',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:test',
  MAIL_FROM: 'no-reply@example.com',
  SES_CONFIGURATION_SET: 'test',
  ATTACHMENTS_BUCKET: 'attachments-bucket',
  SURVEY_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:survey-key-AbCdEf',
  SURVEY_BASE_URL_PARAMETER: '/after-sales-test/survey-base-url',
  WORK_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/work',
  STOREFRONT_USAGE_PLAN_NAME: 'after-sales-test-storefronts',
};

const EVERYTHING: Capabilities = {
  tables: { cases: 'readWrite', stores: 'read', agents: 'readWrite', idempotency: 'readWrite' },
  workflow: ['start', 'signal'],
  sendsEmail: true,
  attachments: 'read',
  surveyLinks: true,
  enqueuesWork: true,
  storefrontKeys: 'register',
};

let outDir: string;
let bundles = 0;

/** `createAwsDependencies` as a deployed function runs it: bundled with that function's capability flags. */
const bundledCreateAwsDependencies = async (capabilities: Capabilities): Promise<() => Promise<Dependencies>> => {
  bundles += 1;
  const outfile = join(outDir, `aws-dependencies-${bundles}.mjs`);
  await build({
    ...functionBuildOptions(capabilities),
    entryPoints: [join(REPO_ROOT, 'functions', 'commons', 'aws-dependencies.ts')],
    outfile,
    sourcemap: false,
    absWorkingDir: REPO_ROOT,
  });
  const module = (await import(pathToFileURL(outfile).href)) as { createAwsDependencies: () => Promise<Dependencies> };
  return module.createAwsDependencies;
};

const portOf =
  (dependencies: Dependencies, port: PortName): (() => unknown) =>
  () =>
    dependencies[port];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'aws-dependencies-test-'));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const stubEnvironment = (environment: Record<string, string>): void => {
  for (const [variable, value] of Object.entries(environment)) vi.stubEnv(variable, value);
};

describe('Function: createAwsDependencies (in a function bundle)', () => {
  it.each<[string, Capabilities, PortName, string]>([
    ['the stores port without tables.stores', { tables: { cases: 'read' } }, 'stores', 'tables.stores'],
    ['the agents port without tables.agents', { tables: { cases: 'read' } }, 'agents', 'tables.agents'],
    ['the mailer without sendsEmail', { tables: { cases: 'read' } }, 'mailer', 'sendsEmail'],
    ['the workflow without workflow', { tables: { cases: 'read' }, sendsEmail: true }, 'workflow', 'workflow'],
    ['attachments without attachments', { tables: { stores: 'read' } }, 'attachments', 'attachments'],
    ['the cases port without tables.cases', { tables: { agents: 'read' } }, 'cases', 'tables.cases'],
    ['survey links without surveyLinks', { tables: { cases: 'read' }, sendsEmail: true }, 'surveyLinks', 'surveyLinks'],
    ['the work queue without enqueuesWork', { tables: { stores: 'readWrite' } }, 'workQueue', 'enqueuesWork'],
    [
      'key registration without storefrontKeys',
      { tables: { stores: 'readWrite' } },
      'storefrontKeys',
      'storefrontKeys',
    ],
    ['any port when nothing is declared', {}, 'cases', 'tables.cases'],
  ])(
    'throws UndeclaredCapabilityError naming the capability when a function uses %s',
    async (_, capabilities, port, capability) => {
      // Prepare
      stubEnvironment(FULL_ENVIRONMENT);
      const dependencies = await (await bundledCreateAwsDependencies(capabilities))();

      // Act
      const use = portOf(dependencies, port);

      // Assess
      expect(use).toThrow(expect.objectContaining({ name: 'UndeclaredCapabilityError', capability }));
      expect(use).toThrow(`does not declare the capability ${capability}`);
    },
  );

  it('throws UndeclaredCapabilityError when a cases-only function takes a case number (the stores table)', async () => {
    // Prepare
    stubEnvironment(FULL_ENVIRONMENT);
    const { cases } = await (await bundledCreateAwsDependencies({ tables: { cases: 'readWrite' } }))();

    // Act
    const takeNumber = cases.nextCaseSequence('store-a', '20261122');

    // Assess
    await expect(takeNumber).rejects.toMatchObject({ name: 'UndeclaredCapabilityError', capability: 'tables.stores' });
  });

  it('returns the AWS adapter of every declared port when everything is declared', async () => {
    // Prepare
    stubEnvironment(FULL_ENVIRONMENT);

    // Act
    const dependencies = await (await bundledCreateAwsDependencies(EVERYTHING))();

    // Assess
    expect({
      cases: dependencies.cases.constructor.name,
      stores: dependencies.stores.constructor.name,
      agents: dependencies.agents.constructor.name,
      mailer: dependencies.mailer.constructor.name,
      workflow: dependencies.workflow.constructor.name,
      attachments: dependencies.attachments.constructor.name,
      surveyLinks: dependencies.surveyLinks.constructor.name,
      workQueue: dependencies.workQueue.constructor.name,
      storefrontKeys: dependencies.storefrontKeys.constructor.name,
    }).toEqual({
      // The DynamoDB store, counting the business metrics of each change it writes.
      cases: 'MeteredCaseStore',
      stores: 'CachedStoreDirectory',
      agents: 'DynamoAgentDirectory',
      mailer: 'SesMailer',
      workflow: 'SfnCaseWorkflow',
      attachments: 'S3AttachmentStorage',
      surveyLinks: 'AwsSurveyLinks',
      workQueue: 'SqsWorkQueue',
      storefrontKeys: 'ApiGatewayStorefrontKeys',
    });
  });

  it.each([
    ['CASES_TABLE', { tables: { cases: 'read' } }],
    ['STORES_TABLE', { tables: { stores: 'read' } }],
    ['AGENTS_TABLE', { tables: { agents: 'read' } }],
    ['MAIL_FROM', { sendsEmail: true }],
    ['STATE_MACHINE_ARN', { workflow: ['signal'] }],
    ['ATTACHMENTS_BUCKET', { attachments: 'presign' }],
    ['SURVEY_KEY_SECRET_ARN', { surveyLinks: true }],
    // Without SURVEY_BASE_URL (no publicBaseUrl at deploy time) the parameter's name is required.
    ['SURVEY_BASE_URL_PARAMETER', { surveyLinks: true }],
    ['WORK_QUEUE_URL', { enqueuesWork: true }],
    ['STOREFRONT_USAGE_PLAN_NAME', { storefrontKeys: 'register' }],
  ] satisfies Array<[string, Capabilities]>)(
    'fails the first call naming %s when a declared capability has no configuration',
    async (variable, capabilities) => {
      // Prepare
      stubEnvironment({ ...FULL_ENVIRONMENT, [variable]: '' });
      const create = await bundledCreateAwsDependencies(capabilities);

      // Act
      const created = create();

      // Assess
      await expect(created).rejects.toMatchObject({
        name: 'MissingConfigError',
        message: `Missing required configuration: ${variable}`,
      });
    },
  );

  it('does not read the configuration of undeclared capabilities', async () => {
    // Prepare: a function with one table gets that one variable and nothing else
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('CASES_TABLE', 'cases-table');
    for (const variable of [
      'STORES_TABLE',
      'AGENTS_TABLE',
      'MAIL_FROM',
      'STATE_MACHINE_ARN',
      'ATTACHMENTS_BUCKET',
      'SURVEY_KEY_SECRET_ARN',
      'SURVEY_BASE_URL_PARAMETER',
      'WORK_QUEUE_URL',
    ]) {
      vi.stubEnv(variable, '');
    }
    const create = await bundledCreateAwsDependencies({ tables: { cases: 'read' } });

    // Act
    const dependencies = await create();

    // Assess
    expect(dependencies.cases.constructor.name).toBe('MeteredCaseStore');
  });

  it('rejects when loaded outside a function bundle (no capability flags)', async () => {
    // Act
    const created = createAwsDependencies();

    // Assess
    await expect(created).rejects.toThrow('capability flags of a function bundle');
  });
});

describe('Function: declaredDependencies', () => {
  it('throws only when an undeclared port is used, not when the dependencies are passed along', () => {
    // Prepare
    const dependencies = declaredDependencies(() => undefined, systemClock);
    const passAlong = (received: Pick<Dependencies, 'mailer' | 'clock'>) => received.clock;

    // Act
    const clock = passAlong(dependencies);

    // Assess
    expect(clock).toBe(systemClock);
    expect(() => dependencies.mailer).toThrow(UndeclaredCapabilityError);
  });
});
