import type { TableName } from './tables.js';

/**
 * What a function may touch. The CDK stack turns this into environment variables and least-privilege grants, and the
 * bundle into the adapters it contains (`capability-flags.ts`); the local stack gives each handler only the ports its
 * declaration grants (`local/declared-local-dependencies.ts`).
 */
export interface Capabilities {
  tables?: Partial<Record<TableName, 'read' | 'readWrite'>>;
  /** `start` may start case executions; `signal` may complete callback task tokens. */
  workflow?: ReadonlyArray<'start' | 'signal'>;
  sendsEmail?: boolean;
  attachments?: 'read' | 'presign';
  /** Signs (workflow) or checks (survey page) survey links: the survey key secret and the public base URL. */
  surveyLinks?: boolean;
  /** May hand work to the background work queue (`functions/wiring/queues.ts`). */
  enqueuesWork?: boolean;
  /**
   * Storefront API keys at the gateway: `register` adds new keys (API Gateway: an API key in the storefront usage
   * plan), `retire` disables replaced keys once their overlap has ended.
   */
  storefrontKeys?: 'register' | 'retire';
}
