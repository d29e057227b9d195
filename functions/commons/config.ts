import { ATTACHMENTS_ENV } from '../capabilities/attachments/capability.js';
import { MAILER_ENV } from '../capabilities/mailer/capability.js';
import { STOREFRONT_KEYS_ENV } from '../capabilities/storefront-keys/capability.js';
import { SURVEY_LINKS_ENV } from '../capabilities/survey-links/capability.js';
import { WORKFLOW_ENV } from '../capabilities/workflow/capability.js';
import { MissingConfigError } from '../domain/errors.js';
import { WORK_QUEUE } from '../wiring/queues.js';
import { tableByName, type TableName } from '../wiring/tables.js';

/**
 * Configuration, its variables named by each capability module (`functions/capabilities/<name>/capability.ts`), read
 * from the environment once (at cold start) and failing fast with the missing variable's name.
 * No other module reads `process.env`.
 */
const required = (variable: string): string => {
  const value = process.env[variable];
  if (value === undefined || value === '') throw new MissingConfigError(variable);
  return value;
};

const optional = (variable: string): string | undefined => {
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : value;
};

/** A function gets only the table variables its capabilities grant, so each table is read on its own. */
export const tableNameFromEnv = (table: TableName): string => required(tableByName(table).envVar);

/** For a function that may not have the table at all (e.g. idempotency outside intake). */
export const optionalTableNameFromEnv = (table: TableName): string | undefined => optional(tableByName(table).envVar);

export const stateMachineArnFromEnv = (): string => required(WORKFLOW_ENV.stateMachineArn);

/** The background work queue's URL (`functions/wiring/queues.ts`). */
export const workQueueUrlFromEnv = (): string => required(WORK_QUEUE.urlEnvVar);

export const attachmentsBucketFromEnv = (): string => required(ATTACHMENTS_ENV.bucket);

/** The name of the API Gateway usage plan storefront keys belong to. */
export const storefrontUsagePlanNameFromEnv = (): string => required(STOREFRONT_KEYS_ENV.usagePlanName);

export interface MailConfig {
  from: string;
  configurationSet?: string;
}

export const mailConfigFromEnv = (): MailConfig => ({
  from: required(MAILER_ENV.from),
  configurationSet: optional(MAILER_ENV.configurationSet),
});

/** Only set locally (DynamoDB Local); in AWS the SDK's regional endpoint is used. */
export const dynamoEndpointFromEnv = (): string | undefined => optional('DYNAMODB_ENDPOINT');

/** Where a survey link's public base URL comes from: given at deploy time, or the SSM parameter holding the API's URL. */
export type SurveyBaseUrlSource = { url: string } | { parameterName: string };

export interface SurveyLinksConfig {
  /** The Secrets Manager secret (ARN) whose value is the survey signing key. */
  keySecretArn: string;
  baseUrl: SurveyBaseUrlSource;
}

/**
 * `SURVEY_KEY_SECRET_ARN`, and `SURVEY_BASE_URL` when the deployment names a public base URL (`-c publicBaseUrl=`),
 * else `SURVEY_BASE_URL_PARAMETER` (the API's own URL, which a task function cannot reference without a cycle).
 */
export const surveyLinksConfigFromEnv = (): SurveyLinksConfig => {
  const keySecretArn = required(SURVEY_LINKS_ENV.keySecretArn);
  const url = optional(SURVEY_LINKS_ENV.baseUrl);
  return {
    keySecretArn,
    baseUrl: url !== undefined ? { url } : { parameterName: required(SURVEY_LINKS_ENV.baseUrlParameter) },
  };
};
