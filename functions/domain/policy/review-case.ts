import { orderValue, type CaseRequest, type CaseStatus, type CaseType, type DecisionOutcome } from '../case.js';
import { findSafetyTerms } from '../classification.js';
import { ValidationError } from '../errors.js';
import type { StorePolicy } from './store-policy.js';

/**
 * The policy auto-review: which requests a store's policy approves at once, rejects, or leaves to a supervisor.
 * Pure: the caller supplies the clock, the order's other open cases and the attachment count.
 */

/** Stable reason codes; storefronts branch on them, so never rename one, only add. */
export const REASON_CODES = [
  'duplicate_open_claim',
  'delivery_date_required',
  'return_window_expired',
  'exchange_window_expired',
  'warranty_expired',
  'non_returnable_category',
  'evidence_required',
  'value_above_auto_approve_limit',
  'evidence_requested',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** `request_evidence` does not change the outcome: the case is worked on once the customer sends the evidence. */
export type FindingEffect = 'reject' | 'manual_review' | 'request_evidence';

export interface PolicyFinding {
  code: ReasonCode;
  effect: FindingEffect;
  /** Data for the message: SKUs, day counts, ISO instants (`...At`), amounts with `currency`, case numbers. */
  params: Record<string, string | number>;
}

export interface OpenCaseSummary {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  decision?: { outcome: DecisionOutcome };
  items: ReadonlyArray<{ sku: string }>;
}

/**
 * A claim counts against a new one only once it is decided: approved, or with a supervisor. A case still `submitted`
 * without a decision (its workflow not run yet, e.g. a start that failed and the sweeper has not retried) or with a
 * rejection on its way does not: a storefront that retries such a request must not be rejected because of it.
 */
export const isDecidedClaim = (other: Pick<OpenCaseSummary, 'status' | 'decision'>): boolean =>
  other.status !== 'submitted' || (other.decision !== undefined && other.decision.outcome !== 'rejected');

export interface ReviewContext {
  now: Date;
  /** The order's cases that are still open (see `isOpenCase`). */
  openCasesForOrder: ReadonlyArray<OpenCaseSummary>;
  uploadedAttachmentCount: number;
  /** The case under review, if it is already stored: it is never its own duplicate. */
  currentCaseId?: string;
}

export interface PolicyReview {
  outcome: DecisionOutcome;
  findings: PolicyFinding[];
  policyVersion: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type WindowKind = 'return' | 'exchange' | 'warranty';

/** What each request type is checked for. A `Record` so that a new case type does not compile until it is placed here. */
interface TypeRules {
  /** Claims money, goods or work on an order line: duplicate and value checks apply. */
  monetary: boolean;
  window?: WindowKind;
  /** `after_delivery`: an undelivered order can be refunded whatever it contains (nothing comes back). */
  nonReturnable: 'always' | 'after_delivery' | 'never';
  /** Without a delivery date the window cannot be counted, and "not received" is not a return or an exchange. */
  deliveryRequired: boolean;
}

const RULES_BY_TYPE: Record<CaseType, TypeRules> = {
  return: { monetary: true, window: 'return', nonReturnable: 'always', deliveryRequired: true },
  exchange: { monetary: true, window: 'exchange', nonReturnable: 'always', deliveryRequired: true },
  refund: { monetary: true, window: 'return', nonReturnable: 'after_delivery', deliveryRequired: false },
  // Warranty covers faults whatever the category: a non-returnable item can still be repaired.
  repair: { monetary: true, window: 'warranty', nonReturnable: 'never', deliveryRequired: false },
  product_fault: { monetary: true, window: 'warranty', nonReturnable: 'never', deliveryRequired: false },
  logistics: { monetary: true, nonReturnable: 'never', deliveryRequired: false },
  // Questions, complaints and suggestions are always accepted for handling; only an evidence rule the store set applies.
  usage_question: { monetary: false, nonReturnable: 'never', deliveryRequired: false },
  complaint: { monetary: false, nonReturnable: 'never', deliveryRequired: false },
  suggestion: { monetary: false, nonReturnable: 'never', deliveryRequired: false },
};

export const isMonetaryType = (type: CaseType): boolean => RULES_BY_TYPE[type].monetary;

const parseInstant = (value: string, path: string): number => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new ValidationError(`${path} is not a valid date`, {
      details: [{ path, message: 'Expected an ISO 8601 date-time' }],
    });
  }
  return ms;
};

/**
 * Duplicate open claim (monetary types only): another open, decided case (`isDecidedClaim`) on the same order claims
 * one of this request's SKUs.
 * One finding per (SKU, other case); open cases are taken in case-number order so the result does not depend on query order.
 */
const duplicateFindings = (request: CaseRequest, context: ReviewContext): PolicyFinding[] => {
  const others = context.openCasesForOrder
    .filter((other) => other.caseId !== context.currentCaseId && isDecidedClaim(other))
    .toSorted((a, b) => compareCodeUnits(a.caseNumber, b.caseNumber) || compareCodeUnits(a.caseId, b.caseId));
  return uniqueSkus(request).flatMap((sku) =>
    others
      .filter((other) => other.items.some((item) => item.sku === sku))
      .map((other): PolicyFinding => ({
        code: 'duplicate_open_claim',
        effect: 'reject',
        params: { sku, caseNumber: other.caseNumber, caseId: other.caseId },
      })),
  );
};

// Code-unit order, not localeCompare: the result must not depend on the runtime's locale data.
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const uniqueSkus = (request: CaseRequest): string[] => [...new Set(request.items.map((item) => item.sku))];

const WINDOW_CODES: Record<WindowKind, ReasonCode> = {
  return: 'return_window_expired',
  exchange: 'exchange_window_expired',
  warranty: 'warranty_expired',
};

const windowDays = (kind: WindowKind, policy: StorePolicy): number =>
  kind === 'return' ? policy.returnWindowDays : kind === 'exchange' ? policy.exchangeWindowDays : policy.warrantyDays;

/**
 * Windows (return and refund: returnWindowDays; exchange: exchangeWindowDays; repair and product fault: warrantyDays)
 * count elapsed time from delivery in whole 24-hour days, not calendar days, so no timezone is involved. The boundary is
 * inclusive: exactly N x 24 h after delivery is still in the window, one millisecond later is expired.
 * Warranty counts from the order date when there is no delivery date; return and refund windows need a delivery.
 */
const windowFindings = (kind: WindowKind, request: CaseRequest, policy: StorePolicy, now: Date): PolicyFinding[] => {
  if (request.deliveredAt === undefined && kind !== 'warranty') return [];
  const countedFrom = request.deliveredAt !== undefined ? 'delivery' : 'order';
  const start =
    request.deliveredAt !== undefined
      ? parseInstant(request.deliveredAt, 'deliveredAt')
      : parseInstant(request.orderedAt, 'orderedAt');
  const days = windowDays(kind, policy);
  const end = start + days * DAY_MS;
  if (now.getTime() <= end) return [];
  return [
    {
      code: WINDOW_CODES[kind],
      effect: 'reject',
      params: { days, countedFrom, startedAt: new Date(start).toISOString(), endedAt: new Date(end).toISOString() },
    },
  ];
};

/** Categories compare trimmed and case-insensitively: admins type the list, storefronts send their own spelling. */
const normaliseCategory = (category: string): string => category.trim().toLowerCase();

/** Non-returnable categories: every line in one rejects a return, an exchange, or a refund after delivery. */
const nonReturnableFindings = (request: CaseRequest, policy: StorePolicy): PolicyFinding[] => {
  const scope = RULES_BY_TYPE[request.type].nonReturnable;
  if (scope === 'never' || (scope === 'after_delivery' && request.deliveredAt === undefined)) return [];
  const blocked = new Set(policy.nonReturnableCategories.map(normaliseCategory));
  const findings: PolicyFinding[] = [];
  const reported = new Set<string>();
  for (const item of request.items) {
    if (!blocked.has(normaliseCategory(item.category)) || reported.has(item.sku)) continue;
    reported.add(item.sku);
    findings.push({
      code: 'non_returnable_category',
      effect: 'reject',
      params: { sku: item.sku, category: item.category },
    });
  }
  return findings;
};

/** Value: strictly above the limit needs a supervisor; exactly at the limit is still approved automatically. */
const valueFindings = (request: CaseRequest, policy: StorePolicy): PolicyFinding[] => {
  const value = orderValue(request.items);
  if (value <= policy.autoApproveValueLimit) return [];
  return [
    {
      code: 'value_above_auto_approve_limit',
      effect: 'manual_review',
      params: { value, limit: policy.autoApproveValueLimit, currency: request.currency },
    },
  ];
};

/**
 * Missing evidence is not ineligibility: by default (`missingEvidence: 'request'`) the customer is asked for it. A store
 * may reject instead, but never a request whose description names a safety hazard (smoke, fire, shock, ...): that
 * case must reach a person at once, evidence or not.
 */
const missingEvidenceFinding = (request: CaseRequest, policy: StorePolicy): PolicyFinding => {
  const params = { type: request.type, minimum: 1 };
  const rejects = policy.missingEvidence === 'reject' && findSafetyTerms(request.description).length === 0;
  return rejects
    ? { code: 'evidence_required', effect: 'reject', params }
    : { code: 'evidence_requested', effect: 'request_evidence', params };
};

/** Whether a decision's reason is the request for evidence (kept by an approval, dropped by a rejection). */
export const isEvidenceRequest = (reason: { code: string }): boolean => reason.code === 'evidence_requested';

/** Whether an approval still waits for the customer's evidence (its decision carries the request). */
export const requestsEvidence = (reasons: ReadonlyArray<{ code: string }>): boolean => reasons.some(isEvidenceRequest);

/**
 * The full review. Findings come in rule order (duplicate, delivery date, window, non-returnable, evidence, value),
 * per-item findings in the request's item order: the same input always gives the same list.
 */
export const reviewCase = (request: CaseRequest, policy: StorePolicy, context: ReviewContext): PolicyReview => {
  const rules = RULES_BY_TYPE[request.type];
  const findings: PolicyFinding[] = [];

  if (rules.monetary) findings.push(...duplicateFindings(request, context));

  // Return or exchange of an order with no delivery date: a person checks what happened to the delivery.
  if (rules.deliveryRequired && request.deliveredAt === undefined) {
    findings.push({ code: 'delivery_date_required', effect: 'manual_review', params: { type: request.type } });
  }

  if (rules.window) findings.push(...windowFindings(rules.window, request, policy, context.now));

  findings.push(...nonReturnableFindings(request, policy));

  // Evidence: any type the store lists (default product_fault, logistics) needs at least one uploaded attachment.
  if (policy.evidenceRequiredTypes.includes(request.type) && context.uploadedAttachmentCount < 1) {
    findings.push(missingEvidenceFinding(request, policy));
  }

  if (rules.monetary) findings.push(...valueFindings(request, policy));

  const outcome = outcomeOf(findings);
  // A rejected request takes no files: asking for them would contradict the rejection.
  const kept = outcome === 'rejected' ? findings.filter((finding) => finding.effect !== 'request_evidence') : findings;
  return { outcome, findings: kept, policyVersion: policy.version };
};

/** Any reject wins over any manual review; no finding at all is an approval. */
export const outcomeOf = (findings: readonly PolicyFinding[]): DecisionOutcome =>
  findings.some((finding) => finding.effect === 'reject')
    ? 'rejected'
    : findings.some((finding) => finding.effect === 'manual_review')
      ? 'manual_review'
      : 'approved';
