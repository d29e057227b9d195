import type { Dependencies } from '../../commons/dependencies.js';
import { errorName, logger } from '../../commons/logger.js';
import type { QueueRef } from '../../ports/case-store.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

const PAGE_SIZE = 100;
/** Cases signalled at once: enough to finish a large store's queues quickly, few enough not to flood the tables. */
const CONCURRENCY = 8;

/**
 * After an SLA policy change, applies it to the store's open cases at once: each active case in every work queue (the
 * unassigned one and each agent's) gets its due times synced and, when the workflow is parked on a wait that must now
 * end sooner (a shorter target, a new calendar), the wait re-timed (`signalWorkflow`). Time already spent or paused
 * is kept: due times are recomputed from each case's events under the new policy. Returns how many cases were seen.
 * Never throws: the policy is saved already, views compute due times from it at once, and a wait this misses wakes at
 * its own timeout or the store's recheck (`signalRecheckAfter`), then follows the new policy. Failures are logged.
 */
export const retimeOpenCases = async (dependencies: Dependencies, storeId: string): Promise<{ retimed: number }> => {
  let retimed = 0;
  try {
    const agents = await dependencies.agents.list(storeId);
    const queues: QueueRef[] = [
      { agentId: null, state: 'active' },
      ...agents.map((agent): QueueRef => ({ agentId: agent.agentId, state: 'active' })),
    ];
    for (const queue of queues) {
      let nextToken: string | undefined;
      do {
        const page = await dependencies.cases.listQueue(storeId, queue, { limit: PAGE_SIZE, nextToken });
        for (let start = 0; start < page.items.length; start += CONCURRENCY) {
          await Promise.all(
            page.items.slice(start, start + CONCURRENCY).map((found) => signalWorkflow(dependencies, found.caseId)),
          );
        }
        retimed += page.items.length;
        nextToken = page.nextToken;
      } while (nextToken);
    }
  } catch (error) {
    logger.error('Open cases not all re-timed after an SLA policy change', {
      storeId,
      retimed,
      errorName: errorName(error),
    });
  }
  return { retimed };
};
