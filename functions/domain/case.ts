import { newSortableId, SORTABLE_ID_BODY } from './ids.js';
import type { AttachmentFile } from './attachment-file.js';
import type { CaseRevisit, RevisitOutcome } from './aftercare/revisit.js';
import type { CaseSurvey } from './aftercare/survey.js';
import type { SlaMilestone } from './sla/sla-policy.js';
import type { WorkflowFailure } from './workflow-failure.js';
import type {
  CaseStatus,
  CaseType,
  Channel,
  Locale,
  Priority,
  ResolutionType,
  RootCause,
  Severity,
  Urgency,
} from './case-vocabulary.js';

export * from './case-vocabulary.js';

/** The after-sales case: what a storefront files, what the workflow and staff change, and the rules on its status. */

export interface Customer {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

export interface OrderLine {
  sku: string;
  name: string;
  category: string;
  quantity: number;
  unitPrice: number;
}

/** What the storefront files; also the input of an eligibility check. */
export interface CaseRequest {
  orderId: string;
  orderedAt: string;
  deliveredAt?: string;
  customer: Customer;
  type: CaseType;
  items: OrderLine[];
  currency: string;
  description: string;
  attachments: string[];
  channel: Channel;
  severity?: Severity;
  urgency?: Urgency;
}

export const DECISION_OUTCOMES = ['approved', 'rejected', 'manual_review'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface DecisionReason {
  /** Stable, documented code a storefront can branch on, e.g. `return_window_expired`. */
  code: string;
  /** The reason in the customer's locale. */
  message: string;
}

export interface Decision {
  outcome: DecisionOutcome;
  reasons: DecisionReason[];
  /** Version of the store policy the decision was made under. */
  policyVersion: number;
  decidedAt: string;
  /** `policy` for the auto-review; a staff user's id for a manual decision. */
  decidedBy: string;
}

/** How severity and urgency were set, and so the priority: by a storefront hint, a rule, or a person. */
export interface Classification {
  severity: Severity;
  urgency: Urgency;
  priority: Priority;
  /** Stable code of the rule that set the severity, e.g. `storefront_hint`, `safety_terms`, `type_default`, `staff_override`. */
  severityRule: string;
  /** Stable code of the rule that set the urgency, e.g. `storefront_hint`, `repeat_customer`, `high_order_value`. */
  urgencyRule: string;
  classifiedAt: string;
  /** `rules` for the automatic classification; a staff user's id for an override. */
  classifiedBy: string;
  /** Why staff changed it (overrides only). */
  overrideReason?: string;
}

export interface Assignee {
  agentId: string;
  /** Display name, shown to the customer. */
  name: string;
  assignedAt: string;
  /** `assignment` for the automatic choice; a supervisor's or admin's user id otherwise. */
  assignedBy: string;
}

export interface Resolution {
  type: ResolutionType;
  amount?: number;
  currency?: string;
  /** e.g. the refund transaction or replacement order number. */
  reference?: string;
  rootCause: RootCause;
  summary: string;
  resolvedAt: string;
  resolvedBy: string;
  /** The supervisor or admin who approved it, when it needed approval (`PendingApproval`). */
  approvedBy?: string;
}

/**
 * A resolution an agent asked for that pays more than the store's auto-approve limit: recorded on the case (a new
 * request replaces it) until a supervisor approves it (the case is resolved with it) or declines it.
 */
export interface PendingApproval {
  resolution: Pick<Resolution, 'type' | 'amount' | 'currency' | 'reference' | 'rootCause' | 'summary'>;
  requestedBy: { userId: string; name: string; agentId?: string };
  requestedAt: string;
}

export interface Cancellation {
  reason: string;
  cancelledAt: string;
  /** `customer` when the storefront cancelled on the customer's behalf. */
  cancelledBy: string;
}

/**
 * The callbacks the workflow parks on. Each is completed by the API action that makes it true (see
 * `domain/case-progress.ts`), or by the waiting step itself when the action came first.
 */
export const WAIT_SIGNALS = ['review', 'assignment', 'firstResponse', 'resolution', 'aftercare'] as const;
export type WaitSignal = (typeof WAIT_SIGNALS)[number];

/** What the workflow waits for while a callback task is parked; the token completes it. */
export interface WorkflowWait {
  signal: WaitSignal;
  taskToken: string;
  since: string;
  /** When the wait times out into the escalation step: an SLA change that needs it earlier re-times the wait. */
  wakeAt?: string;
}

/** A missed SLA target: the milestone, when it was due, and when the workflow recorded the miss. */
export interface SlaBreach {
  milestone: SlaMilestone;
  dueAt: string;
  recordedAt: string;
}

/** How far one milestone's escalation ladder has climbed: the last level taken (0: none) and the warning. */
export interface LadderProgress {
  level: number;
  warned: boolean;
}

/** The SLA escalations taken on a case; written only by the workflow's escalation step. */
export interface CaseEscalation {
  /** The highest level reached over both milestones (0: none). */
  level: number;
  ladders: Partial<Record<SlaMilestone, LadderProgress>>;
  breaches: SlaBreach[];
}

/**
 * The SLA due times under the store's policy when last computed (after each change that moves them, and after a policy
 * change). Views compute due times afresh from the events; this copy is what the work queue is ordered by.
 */
export interface CaseDeadlines {
  firstResponseDueAt?: string;
  resolutionDueAt?: string;
  /** The nearest due time of a milestone still running; absent when none is (met, or the clock is paused). */
  nextDueAt?: string;
}

/** Why a resolved case was opened again. */
export type ReopenReason = 'revisit_recurred' | 'customer_message';

/**
 * A finished round of a case: what its resolution, survey and revisit were, kept as history when the case is reopened
 * (never overwritten), with who reopened it and why.
 */
export interface CaseRound {
  round: number;
  resolution: Resolution;
  survey?: CaseSurvey;
  revisit?: CaseRevisit & { outcome?: RevisitOutcome };
  escalation?: CaseEscalation;
  reopen: { at: string; by: string; reason: ReopenReason };
}

export interface Case extends CaseRequest {
  caseId: string;
  caseNumber: string;
  storeId: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  decision?: Decision;
  workflowWait?: WorkflowWait;
  /** Set when the workflow gave up on a step after its retries: the case needs a person. */
  workflowFailure?: WorkflowFailure;
  /**
   * The wait for the customer that began at `since` passed the store's limit and the store flags such cases: the
   * supervisors were told at `flaggedAt`. Only meaningful while the case still awaits the customer (a new wait clears it).
   */
  customerWaitFlag?: { since: string; flaggedAt: string };
  /** How many times staff restarted a failed workflow (absent: never); names the next retry's execution. */
  workflowRetries?: number;
  /** Notifications already sent, so a retried workflow step does not email twice. */
  notificationsSent?: string[];
  /** Customer messages posted on the case (absent: none), counted by the write that adds each; see `case-limits.ts`. */
  customerMessages?: number;
  /**
   * When the customer last acted on the case: filed it, or posted a message (which may reopen it), set by that same
   * write. Absent on cases filed before it was kept: the console then shows their filing time.
   */
  lastCustomerActivityAt?: string;
  classification?: Classification;
  /** Absent while the case is unassigned. */
  assignee?: Assignee;
  /** The first public reply by staff. */
  firstRespondedAt?: string;
  resolution?: Resolution;
  /** A resolution waiting for a supervisor's approval (see `PendingApproval`). */
  pendingApproval?: PendingApproval;
  cancellation?: Cancellation;
  escalation?: CaseEscalation;
  deadlines?: CaseDeadlines;
  /** 1 until the case is first reopened; each reopening starts the next round (absent: 1). */
  round?: number;
  /** When the current round began by reopening the case: its resolution clock starts here. */
  reopenedAt?: string;
  /** The rounds before the current one, oldest first. */
  rounds?: CaseRound[];
  /** The current round's survey, once sent. */
  survey?: CaseSurvey;
  /** The current round's revisit, scheduled at resolution when the store's policy has revisits. */
  revisit?: CaseRevisit;
  closedAt?: string;
  /**
   * How many writes have counted this case in the KPI counters (absent: none). Each counting write requires the count
   * it read and adds one, so two writes never count the same change from the same starting point.
   */
  kpiRevision?: number;
  /** The earlier case this one follows up (a customer wrote on a case closed or past its reopen window). */
  linkedCaseId?: string;
  /**
   * What each file in `attachments` is (name, type, size), in the same order, appended by the same writes; absent or
   * shorter for files attached before names were kept (the view shows those by id).
   */
  attachmentFiles?: AttachmentFile[];
}

export const roundOf = (value: Pick<Case, 'round'>): number => value.round ?? 1;

/**
 * A notification key for the case's current round: round 1 keeps the plain key (cases written before rounds existed
 * read the same), later rounds add `_r<n>`, so the second resolution email is not taken for the first.
 */
export const roundKey = (value: Pick<Case, 'round'>, key: string): string =>
  roundOf(value) === 1 ? key : `${key}_r${roundOf(value)}`;

/** When the case was first resolved: the first response is met by it even after a reopening removed the resolution. */
export const firstResolvedAt = (value: Pick<Case, 'rounds' | 'resolution'>): string | undefined =>
  value.rounds?.[0]?.resolution.resolvedAt ?? value.resolution?.resolvedAt;

/** Before the review has decided: the case is nobody's work yet (in no queue, not assignable). */
export const UNDECIDED_STATUSES: readonly CaseStatus[] = ['submitted', 'pending_review'];

/** An agent has the case and works on it: what replies and resolutions by agents need. */
export const HANDLED_STATUSES: readonly CaseStatus[] = ['assigned', 'in_progress', 'awaiting_customer'];

/** Statuses after which a case no longer counts as an open claim on its order lines. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['rejected', 'resolved', 'closed', 'cancelled'];

export const isOpenCase = (status: CaseStatus): boolean => !TERMINAL_STATUSES.includes(status);

/**
 * The pending approval still in force: only on an open case, and only one asked for in the current round (a case
 * resolved another way and reopened does not bring back an old request).
 */
export const pendingApprovalOf = (
  value: Pick<Case, 'status' | 'pendingApproval' | 'reopenedAt'>,
): PendingApproval | undefined => {
  const pending = value.pendingApproval;
  if (!pending || !isOpenCase(value.status)) return undefined;
  return value.reopenedAt === undefined || pending.requestedAt >= value.reopenedAt ? pending : undefined;
};

export const orderValue = (items: readonly OrderLine[]): number =>
  Math.round(items.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) * 100) / 100;

/**
 * The case as a change leaves it: `set` fields replaced, `remove` fields gone, `addAttachments` (and their
 * `addAttachmentFiles`) appended, one more
 * customer message counted.
 */
export const caseWithChange = (
  current: Case,
  {
    set,
    remove = [],
    addAttachments = [],
    addAttachmentFiles = [],
    countCustomerMessage = false,
  }: {
    set?: Partial<Case>;
    remove?: readonly (keyof Case)[];
    addAttachments?: readonly string[];
    addAttachmentFiles?: readonly AttachmentFile[];
    countCustomerMessage?: boolean;
  },
): Case => {
  const next: Case = { ...current, ...set };
  if (addAttachments.length > 0) next.attachments = [...(next.attachments ?? []), ...addAttachments];
  if (addAttachmentFiles.length > 0) next.attachmentFiles = [...(next.attachmentFiles ?? []), ...addAttachmentFiles];
  if (countCustomerMessage) next.customerMessages = (next.customerMessages ?? 0) + 1;
  for (const field of remove) delete next[field];
  return next;
};

export const newCaseId = (now: Date): string => newSortableId('cs', now);
export const CASE_ID_PATTERN = new RegExp(`^cs_${SORTABLE_ID_BODY}$`);
