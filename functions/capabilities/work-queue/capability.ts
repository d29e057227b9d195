import type { Capabilities } from '../../wiring/capabilities.js';

export type { WorkQueue } from '../../ports/work-queue.js';

/** `workQueue: true`: hands work to the background work queue (`functions/wiring/queues.ts`, whose URL variable it reads). */
export const workQueueGranted = (capabilities: Capabilities): boolean => capabilities.workQueue === true;
export type GrantedWorkQueue<C> = C extends { workQueue: true } ? 'workQueue' : never;
