import type { Dependencies } from '../../commons/dependencies.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { workflowFailureOf, type CaughtFailure } from '../../domain/workflow-failure.js';

export interface WorkflowFailureReport {
  caseId: string;
  /** What the Catch left in `$.failure`: the error, keyed by the failed state's name. */
  failure: CaughtFailure;
  /** `$$.Execution.Name`: which run failed (a retry's differs from the first). */
  execution?: string | undefined;
}

/**
 * A step failed after its retries: the case shows it (the failure, with its state and execution, and an internal
 * timeline event) and lands in the supervisors' failed list (`GET /v1/staff/cases?failed=true`) until a retry.
 */
export const recordWorkflowFailure = async (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  { caseId, failure, execution }: WorkflowFailureReport,
): Promise<void> => {
  const current = await cases.get(caseId);
  if (!current) return;
  const now = clock.now();
  const workflowFailure = workflowFailureOf(failure, { at: now, execution });
  await cases.update(current, {
    set: { workflowFailure, updatedAt: now.toISOString() },
    events: [
      timelineEvent(caseId, now, 'workflow_failed', SYSTEM, {
        visibility: 'internal',
        details: {
          error: workflowFailure.error,
          ...(workflowFailure.state ? { state: workflowFailure.state } : {}),
          ...(execution ? { execution } : {}),
        },
      }),
    ],
  });
};
