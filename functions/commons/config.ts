import { MissingConfigError } from '../domain/errors.js';
import { tableByName, type TableName } from '../wiring/tables.js';

/**
 * Configuration, read from the environment once (at cold start) and failing fast with the missing variable's name.
 * No other module reads `process.env`: each capability's `aws.ts` reads the variables its `capability.ts` names (and
 * its `grant.ts` sets) through these two.
 */
export const requiredVariable = (variable: string): string => {
  const value = process.env[variable];
  if (value === undefined || value === '') throw new MissingConfigError(variable);
  return value;
};

export const optionalVariable = (variable: string): string | undefined => {
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : value;
};

/** A function gets only the table variables its capabilities grant, so each table is read on its own. */
export const tableNameFromEnv = (table: TableName): string => requiredVariable(tableByName(table).envVar);

/** For a function that may not have the table at all (e.g. idempotency outside intake). */
export const optionalTableNameFromEnv = (table: TableName): string | undefined =>
  optionalVariable(tableByName(table).envVar);

/** Only set locally (DynamoDB Local); in AWS the SDK's regional endpoint is used. */
export const dynamoEndpointFromEnv = (): string | undefined => optionalVariable('DYNAMODB_ENDPOINT');
