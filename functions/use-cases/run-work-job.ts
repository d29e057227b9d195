import type { Dependencies } from '../commons/dependencies.js';
import type { WorkJob } from '../ports/work-queue.js';
import { assignWaitingCases } from './assignment/assign-waiting-cases.js';
import { sendOutbox } from './notifications/outbox.js';
import { retimeOpenCases } from './sla/retime-open-cases.js';

export type WorkJobResult =
  | Awaited<ReturnType<typeof retimeOpenCases>>
  | { outcome: 'offered'; assigned: string[] }
  | Awaited<ReturnType<typeof sendOutbox>>;

/**
 * One job of the work queue (`WorkJob`), run by its consumer. A job that throws is delivered again later (and after
 * `maxReceiveCount` deliveries goes to the dead-letter queue); each is idempotent, so a redelivery is harmless.
 */
export const runWorkJob = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'workQueue' | 'clock'>,
  job: WorkJob,
): Promise<WorkJobResult> => {
  switch (job.kind) {
    case 'retimeOpenCases':
      return retimeOpenCases(dependencies, job);
    case 'offerCapacity':
      // Never throws: a case it could not assign stays in the unassigned queue for the next offer or a supervisor.
      return { outcome: 'offered', assigned: await assignWaitingCases(dependencies, job.storeId) };
    case 'sendNotifications':
      // Throws only when the outbox cannot be read or an item removed: the job is delivered again (nothing resent).
      return sendOutbox(dependencies, job.caseId, job.keys);
  }
};
