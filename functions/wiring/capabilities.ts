import type { TableName } from './tables.js';

/**
 * What a function may touch. The CDK stack turns this into environment variables and least-privilege grants;
 * the local stack ignores it (every local handler shares one process).
 */
export interface Capabilities {
  tables?: Partial<Record<TableName, 'read' | 'readWrite'>>;
  /** `start` may start case executions; `signal` may complete callback task tokens. */
  workflow?: ReadonlyArray<'start' | 'signal'>;
  sendsEmail?: boolean;
  attachments?: 'read' | 'presign';
}
