import type { Dependencies } from '../../commons/dependencies.js';
import type { Decision } from '../../domain/case.js';
import type { StaffUser } from '../../domain/staff.js';
import { decideManualReview } from '../decide-manual-review.js';
import { staffActor } from './staff-actor.js';

export interface ReviewRequest {
  user: StaffUser;
  caseId: string;
  decision: 'approve' | 'reject';
  reason: string;
}

/**
 * A supervisor or admin decides a case in manual review (`POST /v1/staff/cases/{caseId}/review`; the route admits only
 * them): 404 for another store's case or a malformed id, 409 unless it is `pending_review` (also when a concurrent
 * decision won). The workflow then opens, classifies and assigns it, or rejects it and emails the customer the reason
 * (given as the first reason). Returns the decision.
 */
export const reviewCase = (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'clock'>,
  request: ReviewRequest,
): Promise<Decision> =>
  decideManualReview(dependencies, {
    caseId: request.caseId,
    storeId: request.user.storeId,
    approve: request.decision === 'approve',
    reason: request.reason,
    reviewer: staffActor(request.user),
  });
