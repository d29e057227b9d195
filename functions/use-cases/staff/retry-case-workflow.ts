import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import type { StaffUser } from '../../domain/staff.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { assertRetryable, retryExecutionName, type WorkflowFailure } from '../../domain/workflow-failure.js';
import { findCase } from '../find-case.js';
import { staffActor } from './staff-actor.js';

export interface WorkflowRetry {
  user: StaffUser;
  caseId: string;
  note?: string | undefined;
}

/**
 * A supervisor restarts a case's failed lifecycle (`POST /v1/staff/cases/{caseId}/workflow/retry`):
 * 1. the case must carry a recorded workflow failure (else 409: nothing failed, or a retry already runs);
 * 2. one conditional write clears the failure (only while it is the one read: of two retries exactly one passes, the
 *    other gets a 409), counts the retry and writes `workflow_retried` (internal);
 * 3. a new execution `<caseId>-r<n>` starts with the case's usual input: its first steps find the decision, the
 *    opening, the classification and the assignment already done and route to the wait where the case stands;
 * 4. should the start fail, the failure is put back (with its own event), so the case stays in the failed list.
 * Returns the case as written.
 */
export const retryCaseWorkflow = async (
  dependencies: Pick<Dependencies, 'cases' | 'workflow' | 'clock'>,
  { user, caseId, note }: WorkflowRetry,
): Promise<{ retried: Case; execution: string }> => {
  const current = await findCase(dependencies, caseId);
  assertCaseAccess(user, current);
  const failure = assertRetryable(current);
  const retriesSoFar = current.workflowRetries ?? 0;
  const execution = retryExecutionName(caseId, retriesSoFar);
  const now = dependencies.clock.now();
  const set = { workflowRetries: retriesSoFar + 1, updatedAt: now.toISOString() };
  await dependencies.cases.update(current, {
    ifWorkflowFailedAt: failure.at,
    set,
    remove: ['workflowFailure'],
    events: [
      timelineEvent(caseId, now, 'workflow_retried', staffActor(user), {
        visibility: 'internal',
        details: {
          execution,
          error: failure.error,
          ...(failure.state ? { failedState: failure.state } : {}),
          ...(note ? { note } : {}),
        },
      }),
    ],
  });
  const { workflowFailure: _cleared, ...retried } = { ...current, ...set };
  try {
    await dependencies.workflow.start({ caseId, storeId: current.storeId, executionName: execution });
  } catch (error) {
    await restoreFailure(dependencies, retried, failure, execution);
    throw error;
  }
  return { retried, execution };
};

/** The retry did not start: the case goes back on the failed list, saying so. */
const restoreFailure = async (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  current: Case,
  failure: WorkflowFailure,
  execution: string,
): Promise<void> => {
  const now = clock.now();
  await cases.update(current, {
    set: { workflowFailure: { ...failure, at: now.toISOString() }, updatedAt: now.toISOString() },
    events: [
      timelineEvent(current.caseId, now, 'workflow_failed', SYSTEM, {
        visibility: 'internal',
        details: { error: 'RetryNotStarted', execution },
      }),
    ],
  });
};
