import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the grants give a function that declares everything (region and credentials as Lambda sets them). */
const FULL_ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SESSION_TOKEN: 'test',
  CASES_TABLE: 'cases-table',
  STORES_TABLE: 'stores-table',
  AGENTS_TABLE: 'agents-table',
  IDEMPOTENCY_TABLE: 'idempotency-table',
  KPIS_TABLE: 'kpis-table',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:test',
  MAIL_FROM: 'no-reply@example.com',
  SES_CONFIGURATION_SET: 'test',
  ATTACHMENTS_BUCKET: 'attachments-bucket',
  SURVEY_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:survey-key-AbCdEf',
  SURVEY_BASE_URL_PARAMETER: '/after-sales-test/survey-base-url',
  WORK_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/work',
  STOREFRONT_USAGE_PLAN_NAME: 'after-sales-test-storefronts',
};

const stubEnvironment = (environment: Record<string, string>): void => {
  for (const [variable, value] of Object.entries(environment)) vi.stubEnv(variable, value);
};

/** Each capability module's AWS adapters, loaded afresh (each module keeps its client and caches per process). */
const load = async () => ({
  ...(await import('../../../functions/capabilities/tables/aws.js')),
  ...(await import('../../../functions/capabilities/mailer/aws.js')),
  ...(await import('../../../functions/capabilities/workflow/aws.js')),
  ...(await import('../../../functions/capabilities/attachments/aws.js')),
  ...(await import('../../../functions/capabilities/uploads/aws.js')),
  ...(await import('../../../functions/capabilities/survey-links/aws.js')),
  ...(await import('../../../functions/capabilities/work-queue/aws.js')),
  ...(await import('../../../functions/capabilities/storefront-keys/aws.js')),
});

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Capability modules: AWS adapters', () => {
  it('throws UndeclaredCapabilityError when a cases-only function takes a case number (the stores table)', async () => {
    // Prepare: a function declaring only the cases table gets only its variable
    stubEnvironment({ ...FULL_ENVIRONMENT, STORES_TABLE: '' });
    const { awsCases } = await load();
    const cases = awsCases();

    // Act
    const takeNumber = cases.nextCaseSequence('store-a', '20261122');

    // Assess
    await expect(takeNumber).rejects.toMatchObject({ name: 'UndeclaredCapabilityError', capability: 'tables.stores' });
  });

  it('returns the AWS adapter of every port', async () => {
    // Prepare
    stubEnvironment(FULL_ENVIRONMENT);
    const adapters = await load();

    // Act
    const ports = {
      cases: adapters.awsCases(),
      stores: adapters.awsStores(),
      agents: adapters.awsAgents(),
      kpis: adapters.awsKpis(),
      mailer: adapters.awsMailer(),
      workflow: adapters.awsWorkflow(),
      attachments: adapters.awsAttachments(),
      uploads: adapters.awsUploads(),
      surveyLinks: adapters.awsSurveyLinks(),
      workQueue: adapters.awsWorkQueue(),
      storefrontKeys: adapters.awsStorefrontKeys(),
    };

    // Assess
    expect(
      Object.fromEntries(Object.entries(ports).map(([port, adapter]) => [port, adapter.constructor.name])),
    ).toEqual({
      // The DynamoDB store, counting the business metrics of each change it writes.
      cases: 'MeteredCaseStore',
      stores: 'CachedStoreDirectory',
      agents: 'DynamoAgentDirectory',
      kpis: 'DynamoKpiStore',
      mailer: 'SesMailer',
      workflow: 'SfnCaseWorkflow',
      attachments: 'S3AttachmentStorage',
      uploads: 'DynamoUploadRecords',
      surveyLinks: 'AwsSurveyLinks',
      workQueue: 'SqsWorkQueue',
      storefrontKeys: 'ApiGatewayStorefrontKeys',
    });
    // One stores directory per container: the case store's KPI counting shares its cache.
    expect(adapters.awsStores()).toBe(ports.stores);
  });

  it.each([
    ['CASES_TABLE', 'awsCases'],
    ['STORES_TABLE', 'awsStores'],
    ['AGENTS_TABLE', 'awsAgents'],
    ['KPIS_TABLE', 'awsKpis'],
    ['MAIL_FROM', 'awsMailer'],
    ['STATE_MACHINE_ARN', 'awsWorkflow'],
    ['ATTACHMENTS_BUCKET', 'awsAttachments'],
    // Upload records are items of the cases table.
    ['CASES_TABLE', 'awsUploads'],
    ['SURVEY_KEY_SECRET_ARN', 'awsSurveyLinks'],
    // Without SURVEY_BASE_URL (no publicBaseUrl at deploy time) the parameter's name is required.
    ['SURVEY_BASE_URL_PARAMETER', 'awsSurveyLinks'],
    ['WORK_QUEUE_URL', 'awsWorkQueue'],
    ['STOREFRONT_USAGE_PLAN_NAME', 'awsStorefrontKeys'],
  ] as const)('fails naming %s when a declared capability has no configuration', async (variable, factory) => {
    // Prepare
    stubEnvironment({ ...FULL_ENVIRONMENT, [variable]: '' });
    const adapters = await load();

    // Act
    const create = () => adapters[factory]();

    // Assess
    expect(create).toThrow(
      expect.objectContaining({ name: 'MissingConfigError', message: `Missing required configuration: ${variable}` }),
    );
  });

  it('does not read the configuration of undeclared capabilities', async () => {
    // Prepare: a function with one table gets that one variable and nothing else
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('CASES_TABLE', 'cases-table');
    for (const variable of [
      'STORES_TABLE',
      'AGENTS_TABLE',
      'KPIS_TABLE',
      'IDEMPOTENCY_TABLE',
      'MAIL_FROM',
      'STATE_MACHINE_ARN',
      'ATTACHMENTS_BUCKET',
      'SURVEY_KEY_SECRET_ARN',
      'SURVEY_BASE_URL_PARAMETER',
      'WORK_QUEUE_URL',
    ]) {
      vi.stubEnv(variable, '');
    }
    const { awsCases } = await load();

    // Act
    const cases = awsCases();

    // Assess
    expect(cases.constructor.name).toBe('MeteredCaseStore');
  });
});
