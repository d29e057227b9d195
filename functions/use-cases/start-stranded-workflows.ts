import type { Dependencies } from '../commons/dependencies.js';
import { errorName, logger } from '../commons/logger.js';

/** Intake starts the workflow at once; a case still awaiting one after this long was stranded (a start that failed). */
export const STRANDED_AFTER_MS = 60_000;

/** Cases looked at per index shard and run; the next run (a minute later) takes the rest. */
const CASES_PER_RUN = 100;

export interface StrandedSweep {
  /** Workflows started (or found already started) and unmarked. */
  started: number;
  /** Unmarked without a start: the case had moved on (cancelled, decided) or is gone. */
  skipped: number;
  /** Left marked for the next run (the start or the unmarking failed; logged). */
  failed: number;
}

/**
 * The stranded-case sweeper, run on a schedule (every minute):
 * 1. lists the cases filed more than `STRANDED_AFTER_MS` ago that still await their workflow (a sparse index);
 * 2. reads each (the index may lag) and starts the workflow of one still `submitted` and undecided, named by its case id,
 *    so a case whose execution exists after all is a no-op;
 * 3. unmarks it, so the next run does not find it again. A failure leaves it marked for the next run.
 */
export const startStrandedWorkflows = async (
  { cases, workflow, clock }: Pick<Dependencies, 'cases' | 'workflow' | 'clock'>,
  { strandedAfterMs = STRANDED_AFTER_MS }: { strandedAfterMs?: number } = {},
): Promise<StrandedSweep> => {
  const filedBefore = new Date(clock.now().getTime() - strandedAfterMs);
  const sweep: StrandedSweep = { started: 0, skipped: 0, failed: 0 };
  for (const caseId of await cases.listAwaitingWorkflow(filedBefore, CASES_PER_RUN)) {
    try {
      const stranded = await cases.get(caseId);
      const awaits = stranded?.status === 'submitted' && stranded.decision === undefined;
      if (stranded && awaits) await workflow.start({ caseId, storeId: stranded.storeId });
      await cases.clearAwaitingWorkflow(caseId);
      if (awaits) {
        sweep.started += 1;
        logger.warn('Started (or found running) the workflow of a stranded case', {
          caseId,
          storeId: stranded?.storeId,
        });
      } else {
        sweep.skipped += 1;
      }
    } catch (error) {
      sweep.failed += 1;
      logger.error('Could not start the workflow of a stranded case; the next run retries', {
        caseId,
        errorName: errorName(error),
      });
    }
  }
  return sweep;
};
