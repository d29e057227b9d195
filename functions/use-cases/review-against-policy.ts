import type { Dependencies } from '../commons/dependencies.js';
import type { CaseRequest, Decision } from '../domain/case.js';
import { reviewCase } from '../domain/policy/review-case.js';
import { toDecisionReasons } from '../domain/policy/reason-messages.js';

/**
 * Gathers what the policy needs (the store's policy, the order's other open cases, which attachments S3 reported
 * as uploaded) and decides. Shared by the workflow's auto-review and the eligibility check, so both always agree.
 */
export const reviewAgainstPolicy = async (
  { cases, stores, uploads, clock }: Pick<Dependencies, 'cases' | 'stores' | 'uploads' | 'clock'>,
  storeId: string,
  request: CaseRequest,
  currentCaseId?: string,
): Promise<Decision> => {
  const now = clock.now();
  const [policy, openCases, uploaded] = await Promise.all([
    stores.getPolicy(storeId),
    cases.listOpenCasesForOrder(storeId, request.orderId),
    Promise.all(request.attachments.map((attachmentId) => uploads.find(storeId, attachmentId))),
  ]);
  const review = reviewCase(request, policy, {
    now,
    openCasesForOrder: openCases.filter((open) => open.caseId !== currentCaseId),
    uploadedAttachmentCount: uploaded.filter(({ state }) => state === 'uploaded').length,
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
