import type { Dependencies } from '../commons/dependencies.js';
import type { Decision } from '../domain/case.js';
import { NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/timeline.js';
import { timelineEvent } from '../domain/timeline-events.js';

export interface ManualReviewDecision {
  caseId: string;
  storeId: string;
  approve: boolean;
  /** Shown to the customer when the case is rejected. */
  reason: string;
  reviewer: Actor & { id: string };
}

/**
 * A supervisor decides a case in `pending_review` (the staff endpoint calls this):
 * 1. records the decision and moves the case to `open` or `rejected`, only while it is still pending (409 otherwise);
 * 2. reads the case again and completes the workflow's parked review wait with the outcome.
 * Step 2 reads after the write, so a token stored just before the write is seen; a token stored after it is never
 * stored (the await step's condition fails) and that step completes itself. Either way the signal arrives once.
 */
export const decideManualReview = async (
  { cases, workflow, clock }: Pick<Dependencies, 'cases' | 'workflow' | 'clock'>,
  input: ManualReviewDecision,
): Promise<Decision> => {
  const current = await cases.get(input.caseId);
  if (!current || current.storeId !== input.storeId) throw new NotFoundError('No such case');
  const now = clock.now();
  const outcome = input.approve ? 'approved' : 'rejected';
  const decision: Decision = {
    outcome,
    reasons: input.approve
      ? []
      : [{ code: 'rejected_by_reviewer', message: input.reason }, ...(current.decision?.reasons ?? [])],
    policyVersion: current.decision?.policyVersion ?? 0,
    decidedAt: now.toISOString(),
    decidedBy: input.reviewer.id,
  };
  const status = input.approve ? 'open' : 'rejected';
  await cases.update(current, {
    ifStatusIn: ['pending_review'],
    set: { decision, status, updatedAt: now.toISOString() },
    events: [
      timelineEvent(current.caseId, now, 'decision_made', input.reviewer, {
        from: 'manual_review',
        to: outcome,
        details: { reason: input.reason },
      }),
      timelineEvent(current.caseId, now, 'status_changed', input.reviewer, { from: 'pending_review', to: status }),
    ],
  });
  const latest = await cases.get(input.caseId);
  if (latest?.workflowWait?.signal === 'review')
    await workflow.completeWait(latest.workflowWait.taskToken, { outcome });
  return decision;
};
