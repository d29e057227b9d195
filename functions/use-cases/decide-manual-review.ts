import type { Dependencies } from '../commons/dependencies.js';
import type { Decision } from '../domain/case.js';
import { NotFoundError, StateConflictError } from '../domain/errors.js';
import { isEvidenceRequest } from '../domain/policy/review-case.js';
import type { Actor } from '../domain/timeline.js';
import { timelineEvent } from '../domain/timeline-events.js';
import { findCase } from './find-case.js';
import { signalWorkflow } from './workflow/signal-workflow.js';

export interface ManualReviewDecision {
  caseId: string;
  storeId: string;
  approve: boolean;
  /** Shown to the customer when the case is rejected. */
  reason: string;
  reviewer: Actor & { id: string };
}

/**
 * A supervisor decides a case in `pending_review` (the staff endpoint calls this; a malformed id or another store's
 * case is a 404):
 * 1. records the decision and moves the case to `open` or `rejected`, only while it is still pending (409 otherwise,
 *    also when a concurrent decision won: the write is conditional);
 * 2. signals the workflow (`signalWorkflow`: reads the case after the write and completes the parked review wait).
 * A token stored after the write is never stored (the await step's condition fails) and that step completes itself.
 * Either way the signal arrives once; the workflow then opens, classifies and assigns, or rejects and emails.
 */
export const decideManualReview = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'clock'>,
  input: ManualReviewDecision,
): Promise<Decision> => {
  const { cases, clock } = dependencies;
  const current = await findCase(dependencies, input.caseId);
  if (current.storeId !== input.storeId) throw new NotFoundError('No such case');
  if (current.status !== 'pending_review') {
    throw new StateConflictError(`Only a case in pending_review can be reviewed; this one is ${current.status}`);
  }
  const now = clock.now();
  const outcome = input.approve ? 'approved' : 'rejected';
  const policyReasons = current.decision?.reasons ?? [];
  const decision: Decision = {
    outcome,
    // An approval still asks for the evidence the policy found missing; a rejection takes no more files.
    reasons: input.approve
      ? policyReasons.filter(isEvidenceRequest)
      : [
          { code: 'rejected_by_reviewer', message: input.reason },
          ...policyReasons.filter((reason) => !isEvidenceRequest(reason)),
        ],
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
        // An approval starts the SLA clocks (`slaClocksStartAt`): said here too, for figures read off the timeline.
        details: { reason: input.reason, ...(input.approve ? { slaClocksStartedAt: now.toISOString() } : {}) },
      }),
      timelineEvent(current.caseId, now, 'status_changed', input.reviewer, { from: 'pending_review', to: status }),
    ],
  });
  await signalWorkflow(dependencies, input.caseId);
  return decision;
};
