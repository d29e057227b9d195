import type { WorkQueue } from '../../ports/work-queue.js';

export type { WorkQueue };

/** In a declaration: may hand work to the background work queue (`functions/wiring/queues.ts`). */
export interface WorkQueueCapability {
  workQueue?: boolean;
}

export interface WorkQueuePort {
  workQueue: WorkQueue;
}

/** `workQueue: true`: hands work to the background work queue (`functions/wiring/queues.ts`, whose URL variable it reads). */
export const workQueueGranted = (capabilities: WorkQueueCapability): boolean => capabilities.workQueue === true;
export type GrantedWorkQueue<C> = C extends { workQueue: true } ? 'workQueue' : never;
