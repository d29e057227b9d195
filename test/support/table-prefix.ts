import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { SharedDynamoDb } from './dynamodb-setup.js';

/** Table names of their own on a shared DynamoDB Local: `t<8 hex>-` (table names allow letters, digits, - _ .). */
export const uniqueTablePrefix = (): string => `t${randomBytes(4).toString('hex')}-`;

/** This worker's DynamoDB Local (`VITEST_POOL_ID` numbers the worker slots from 1). */
export const workerDynamoDb = (): SharedDynamoDb => {
  const dynamoDbs = inject('dynamoDbs');
  const slot = Math.max(0, Number(process.env.VITEST_POOL_ID ?? 1) - 1) % dynamoDbs.length;
  return dynamoDbs[slot] as SharedDynamoDb;
};
