import { randomBytes } from 'node:crypto';

/** Table names of their own on the run's shared DynamoDB Local: `t<8 hex>-` (table names allow letters, digits, - _ .). */
export const uniqueTablePrefix = (): string => `t${randomBytes(4).toString('hex')}-`;
