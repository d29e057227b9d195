import type { Dependencies } from '../../commons/dependencies.js';
import { logger, errorName } from '../../commons/logger.js';
import { waitOutcome } from '../../domain/case-progress.js';
import type { WorkflowWait } from '../../domain/case.js';
import { TransientError } from '../../domain/errors.js';
import { loadSlaContext, stepOf, type SlaPolicySource } from '../sla/sla-context.js';
import { syncDeadlines } from '../sla/sync-deadlines.js';

const COMPLETION_ATTEMPTS = 3;
const BACKOFF_MS = 100;
/** A wait re-timed for less than this would only trade one early wake-up for another. */
const RETIME_MARGIN_MS = 2_000;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Whether the parked wait must be woken: its timeout is later than the next SLA step now is, or already past (its
 * timer is late; waking it twice is harmless, the engine ignores the second).
 */
const wakesTooLate = (wait: WorkflowWait, now: Date, waitSeconds: number): boolean => {
  if (wait.wakeAt === undefined) return false;
  const wakeAt = Date.parse(wait.wakeAt);
  return now.getTime() + waitSeconds * 1000 < wakeAt - RETIME_MARGIN_MS || now.getTime() > wakeAt + RETIME_MARGIN_MS;
};

/**
 * Called after every write to a case (API actions, a policy change, the workflow's own wait):
 * 1. reads the case and its timeline (after the write, so a token stored just before it is seen) and syncs its due
 *    times (the work queue's order);
 * 2. when the workflow is parked on a wait (`workflowWait`) that the case's progress now ends, or whose timeout is now
 *    later than the next SLA step (a resumed clock, a higher priority, a shorter target), completes its token with the
 *    workflow's next step (the same wait again, re-timed, in the second case), retrying transient failures.
 * A token stored after the write is never stored (the await step's condition fails) and that step completes itself.
 * A failure is logged, not thrown: the action is done, and the wait's timeout reads the case again. A duplicate or
 * late completion is ignored by the engine.
 */
export const signalWorkflow = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'clock'>,
  caseId: string,
  /** The SLA policy to time the case by, when the caller has just read it (see `loadSlaContext`). */
  policySource: Pick<SlaPolicySource, 'policy'> = {},
): Promise<void> => {
  try {
    const context = await loadSlaContext(dependencies, caseId, policySource);
    await syncDeadlines(dependencies, context);
    const wait = context.current.workflowWait;
    if (!wait) return;
    const step = stepOf(context);
    if (!waitOutcome(wait.signal, context.current) && !wakesTooLate(wait, context.now, step.waitSeconds)) return;
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
    logger.warn('Could not signal the case workflow; its timeout will pick the change up', {
      caseId,
      errorName: errorName(error),
    });
  }
};
