import type { TableName } from './tables.js';

/**
 * What a function may touch, one field per capability and named as its port (`functions/capabilities/<name>/`): the
 * CDK stack turns it into environment variables and least-privilege grants (each capability's `grant.ts`); the
 * handler receives exactly the granted ports (`GrantedPorts`, checked by the compiler) and imports their AWS adapters;
 * the local stack gives each handler only those ports (`local/declared-local-dependencies.ts`).
 */
export interface Capabilities {
  tables?: Partial<Record<TableName, 'read' | 'readWrite'>>;
  /** `start` may start case executions; `signal` may complete callback task tokens. */
  workflow?: ReadonlyArray<'start' | 'signal'>;
  /** Sends email (SES in AWS, the outbox locally). */
  mailer?: boolean;
  attachments?: 'read' | 'presign';
  /** Signs (workflow) or checks (survey page) survey links: the survey key secret and the public base URL. */
  surveyLinks?: boolean;
  /** May hand work to the background work queue (`functions/wiring/queues.ts`). */
  workQueue?: boolean;
  /**
   * Storefront API keys at the gateway: `register` adds new keys (API Gateway: an API key in the storefront usage
   * plan), `retire` disables replaced keys once their overlap has ended.
   */
  storefrontKeys?: 'register' | 'retire';
}
