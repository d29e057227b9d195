import type { Dependencies } from '../commons/dependencies.js';
import type { CaseRequest, Decision } from '../domain/case.js';
import { reviewCase } from '../domain/policy/review-case.js';
import { toDecisionReasons } from '../domain/policy/reason-messages.js';

/**
 * Gathers what the policy needs (the store's policy, the order's other open cases, which attachments were really
 * uploaded) and decides. Shared by the workflow's auto-review and the eligibility check, so both always agree.
 */
export const reviewAgainstPolicy = async (
  { cases, stores, attachments, clock }: Pick<Dependencies, 'cases' | 'stores' | 'attachments' | 'clock'>,
  storeId: string,
  request: CaseRequest,
  currentCaseId?: string,
): Promise<Decision> => {
  const now = clock.now();
  const [policy, openCases, uploaded] = await Promise.all([
    stores.getPolicy(storeId),
    cases.listOpenCasesForOrder(storeId, request.orderId),
    Promise.all(request.attachments.map((attachmentId) => attachments.exists(storeId, attachmentId))),
  ]);
  const review = reviewCase(request, policy, {
    now,
    openCasesForOrder: openCases.filter((open) => open.caseId !== currentCaseId),
    uploadedAttachmentCount: uploaded.filter(Boolean).length,
    currentCaseId,
  });
  return {
    outcome: review.outcome,
    reasons: toDecisionReasons(review.findings, request.customer.locale),
    policyVersion: review.policyVersion,
    decidedAt: now.toISOString(),
    decidedBy: 'policy',
  };
};
