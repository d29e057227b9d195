import type { WorkJobKind } from '../ports/work-queue.js';
import type { Capabilities } from './capabilities.js';

/**
 * The background work queues, declared once. The CDK stack builds each as an SQS queue (KMS-encrypted, with a
 * dead-letter queue) and a consumer Lambda function fed one message at a time; the local stack runs the same consumer
 * module in-process, just after the enqueue, with the same retries and dead-letter limit.
 */
export interface QueueDeclaration {
  name: string;
  /** Consumer module under `functions/handlers/queues/`, without extension; it exports `handler` (an SQS handler). */
  handler: string;
  /** The variable holding the queue's URL in every function that declares `workQueue`. */
  urlEnvVar: string;
  /** The message kinds it carries (`WorkJob`). */
  jobs: readonly WorkJobKind[];
  /** The consumer's grants. It enqueues too: a long retime continues in a job of its own. */
  capabilities: Capabilities;
  /** The consumer's timeout. One job is bounded well below it (a retime does a few pages, then continues). */
  timeoutSeconds: number;
  /** Deliveries before a message goes to the dead-letter queue. */
  maxReceiveCount: number;
}

export const WORK_QUEUE = {
  name: 'work',
  handler: 'run-work-job',
  urlEnvVar: 'WORK_QUEUE_URL',
  jobs: ['retimeOpenCases', 'offerCapacity', 'sendNotifications'],
  capabilities: {
    tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
    workflow: ['signal'],
    mailer: true,
    workQueue: true,
  },
  timeoutSeconds: 60,
  maxReceiveCount: 5,
} as const satisfies QueueDeclaration;

/** Each queue as written, its capabilities as literal types (`GrantedPorts` reads them). */
export type DeclaredQueue = typeof WORK_QUEUE;

export const QUEUES: readonly QueueDeclaration[] = [WORK_QUEUE];
