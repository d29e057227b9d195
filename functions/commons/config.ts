import { MissingConfigError } from '../domain/errors.js';
import { tableByName, type TableName } from '../wiring/tables.js';

/**
 * Configuration, read from the environment once (at cold start) and failing fast with the missing variable's name.
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

export const stateMachineArnFromEnv = (): string => required('STATE_MACHINE_ARN');

export const attachmentsBucketFromEnv = (): string => required('ATTACHMENTS_BUCKET');

export interface MailConfig {
  from: string;
  configurationSet?: string;
}

export const mailConfigFromEnv = (): MailConfig => ({
  from: required('MAIL_FROM'),
  configurationSet: optional('SES_CONFIGURATION_SET'),
});

/** Only set locally (DynamoDB Local); in AWS the SDK's regional endpoint is used. */
export const dynamoEndpointFromEnv = (): string | undefined => optional('DYNAMODB_ENDPOINT');
