import type { Dependencies } from '../../commons/dependencies.js';
import { logger } from '../../commons/logger.js';
import { waitOutcome, workflowStep } from '../../domain/case-progress.js';
import { TransientError } from '../../domain/errors.js';
import { loadStore } from './load-case.js';

const COMPLETION_ATTEMPTS = 3;
const BACKOFF_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Called by every API action after its write:
 * 1. reads the case (after the write, so a token stored just before it is seen);
 * 2. when the workflow is parked on a wait (`workflowWait`) that the case's progress now ends, completes its token with
 *    the workflow's next step, retrying transient failures with backoff.
 * A token stored after the write is never stored (the await step's condition fails) and that step completes itself.
 * A completion that still fails is logged, not thrown: the action is done, and the wait's recheck timeout reads the
 * case again. A duplicate or late completion is ignored by the engine.
 */
export const signalWorkflow = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow'>,
  caseId: string,
): Promise<void> => {
  try {
    const current = await dependencies.cases.get(caseId);
    const wait = current?.workflowWait;
    if (!current || !wait || !waitOutcome(wait.signal, current)) return;
    const step = workflowStep(current, await loadStore(dependencies, current.storeId));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await dependencies.workflow.completeWait(wait.taskToken, { ...step });
        return;
      } catch (error) {
        if (!(error instanceof TransientError) || attempt >= COMPLETION_ATTEMPTS) throw error;
        await sleep(BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  } catch (error) {
    logger.warn('Could not signal the case workflow; its recheck will pick the change up', {
      caseId,
      errorName: (error as Error).name,
    });
  }
};
