import type { CaseType } from '../case.js';
import { DEFAULT_PRIORITY_MATRIX, type PriorityMatrix } from '../priority.js';

/**
 * What the auto-review does with a request of an evidence-required type that came without any uploaded file:
 * `request` approves it for work and asks the customer for the evidence (the case waits in `awaiting_customer`);
 * `reject` rejects it (the customer files again). A description naming a safety hazard is never rejected for it.
 */
export const MISSING_EVIDENCE_HANDLING = ['request', 'reject'] as const;
export type MissingEvidenceHandling = (typeof MISSING_EVIDENCE_HANDLING)[number];

/** A store's auto-review policy. Admins edit it; every decision records the version it was made under. */
export interface StorePolicy {
  version: number;
  /** Days after delivery within which a return needs no reason. */
  returnWindowDays: number;
  /** Days after delivery within which an exchange is accepted. */
  exchangeWindowDays: number;
  /** Days after delivery (or order, if never delivered) covered for repairs and product faults. */
  warrantyDays: number;
  /** Product categories that cannot be returned, exchanged or refunded after delivery. */
  nonReturnableCategories: string[];
  /** Request types that need at least one attachment (photo, video, PDF) as evidence. */
  evidenceRequiredTypes: CaseType[];
  /** Without evidence: ask for it (default) or reject. */
  missingEvidence: MissingEvidenceHandling;
  /** Order-line value (in the case currency) above which a supervisor must review a monetary request. */
  autoApproveValueLimit: number;
  /** Severity x urgency -> priority. */
  priorityMatrix: PriorityMatrix;
  /** Order value (case currency) from which a case without an urgency hint is urgent (`high_order_value`). */
  highValueThreshold: number;
  /** A customer with at least this many earlier cases in the store in the last 90 days is urgent (`repeat_customer`). */
  repeatCaseThreshold: number;
}

export const DEFAULT_POLICY: StorePolicy = {
  version: 1,
  returnWindowDays: 7,
  exchangeWindowDays: 15,
  warrantyDays: 365,
  nonReturnableCategories: ['perishables', 'personalised', 'digital', 'hygiene_opened'],
  evidenceRequiredTypes: ['product_fault', 'logistics'],
  missingEvidence: 'request',
  autoApproveValueLimit: 2000,
  priorityMatrix: DEFAULT_PRIORITY_MATRIX,
  highValueThreshold: 1000,
  repeatCaseThreshold: 2,
};
