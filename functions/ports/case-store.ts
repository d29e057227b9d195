import type { AttachmentFile } from '../domain/attachment-file.js';
import type { Case, CaseStatus, CaseType, Priority } from '../domain/case.js';
import type { IntakeQuota } from '../domain/intake-limit.js';
import { TransientError } from '../domain/errors.js';
import type { KpiDelta } from '../domain/kpi/kpi-delta.js';
import type { OutboxItem } from '../domain/outbox.js';
import type { TimelineEvent } from '../domain/timeline.js';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  limit: number;
  nextToken?: string;
}

export interface IdempotencyRecord {
  storeId: string;
  idempotencyKey: string;
  /** Hash of the canonical request body: the same key with another body is a conflict. */
  requestHash: string;
  /** The case filed (intake), or the case written to (a customer message). */
  caseId: string;
  /** Epoch seconds; DynamoDB's TTL removes the record after it. */
  expiresAt: number;
  /**
   * A customer message's answer, replayed to a retry: its event (for a message that filed a follow-up case, the
   * `follow_up_filed` event on `caseId`), whether it reopened the case, the follow-up case as first answered.
   */
  message?: {
    eventId: string;
    at: string;
    reopened: boolean;
    followUpCase?: { caseId: string; caseNumber: string; status: CaseStatus; createdAt: string };
  };
}

export interface AgentRef {
  storeId: string;
  agentId: string;
}

export interface CaseChange {
  /** The change applies only while the case is in one of these statuses; otherwise `StateConflictError`. */
  ifStatusIn?: readonly CaseStatus[];
  /**
   * The change applies only while the case is assigned to this agent (`null`: only while unassigned); otherwise
   * `StateConflictError`. Guards assignment and reassignment against a concurrent one.
   */
  ifAssignee?: string | null;
  /**
   * The change applies only while the case's current survey is this token's (`tokenId`) and still `sent`; otherwise
   * `StateConflictError`. Makes a survey link single use: of two answers at once, or an answer racing a reopening,
   * exactly one write wins.
   */
  ifSurveyOpen?: { tokenId: string };
  /**
   * The change applies only while the case's recorded workflow failure is this one (its `at`); otherwise
   * `StateConflictError`. Of two retries of one failure, exactly one clears it.
   */
  ifWorkflowFailedAt?: string;
  set?: Partial<Omit<Case, 'caseId' | 'storeId' | 'createdAt'>>;
  remove?: ReadonlyArray<
    | 'workflowWait'
    | 'workflowFailure'
    | 'customerWaitFlag'
    | 'assignee'
    | 'resolution'
    | 'survey'
    | 'revisit'
    | 'escalation'
    | 'pendingApproval'
  >;
  /**
   * Keys appended to `notificationsSent` in the write itself (not the list as read, rewritten), so two notices recorded
   * at once on one case never drop each other's key (which would send that email again on a retry).
   */
  addNotificationsSent?: readonly string[];
  /**
   * Attachment ids appended to `attachments` in the write itself (`list_append`), never the list as read rewritten:
   * concurrent messages each keep their files. The write requires none of them on the case yet (else
   * `StateConflictError`: read again, and leave out those already there) and claims each for the case, in the same
   * transaction (`AttachmentInUseError` when one is another case's). The write applies only while the case holds at
   * most `MAX_CASE_ATTACHMENTS` files with them (else `StateConflictError`).
   */
  addAttachments?: readonly string[];
  /** What each of `addAttachments` is (name, type, size), appended to `attachmentFiles` in the same way. */
  addAttachmentFiles?: readonly AttachmentFile[];
  /**
   * One more customer message counted in the case item (`customerMessages`), only while below
   * `MAX_CUSTOMER_MESSAGES` (else `StateConflictError`): the limit holds however many messages race.
   */
  countCustomerMessage?: boolean;
  /**
   * Agent load moved in the same transaction. `take` adds one open case to the agent and sets `lastAssignedAt`, only
   * while the agent is available and below `maxOpenCases` (else `AgentUnavailableError`); `release` removes one, and
   * is skipped (logged) when the agent is gone or already at zero, so it never blocks resolving or cancelling a case.
   * `take` and `release` name different agents. `take.ifOpenCasesAtMost` also requires the agent's load to be at most
   * the one the caller ranked on (plus the slack it allows), so concurrent automatic assignments each decide on nearly
   * the latest loads (the spread stays even).
   */
  agentLoad?: { take?: AgentRef & { ifOpenCasesAtMost?: number }; release?: AgentRef; at: string };
  /**
   * A customer message's idempotency record, written in the same transaction, only while no live record holds its
   * key (else `IdempotencyKeyTakenError`: nothing was written; replay the record's answer).
   */
  idempotency?: IdempotencyRecord;
  /** Written in the same transaction as the change: nothing about a case changes without one. */
  events: TimelineEvent[];
  /**
   * Emails the change decided, written as outbox items in the same transaction (so a function dying after the write
   * loses none); sent afterwards by the work queue's consumer, which removes each once it is done with it.
   */
  outbox?: readonly OutboxItem[];
  /**
   * KPI counters and report rows moved in the same transaction (see `use-cases/kpi/kpi-counting-case-store.ts`), only
   * while the case's `kpiRevision` is still `kpi.ifRevision` (it becomes one more): a delta computed from a case
   * another write has counted since is refused with `KpiRevisionMovedError`, and recomputed.
   */
  kpi?: { delta: KpiDelta; ifRevision: number };
}

/** Persistence of cases, their timelines and intake idempotency records. */
/** What an intake writes in the case's own transaction besides the case and its first event. */
export interface CaseCreationWrites {
  /**
   * The number `nextCaseSequence` gave this case (its day and sequence): the write carries what holds it (the claim of
   * its block when it opens one), and a cancelled write gives it back. Take a new number for each attempt.
   */
  caseNumber?: { day: string; sequence: number };
  idempotency?: IdempotencyRecord;
  kpi?: KpiDelta;
  quota?: IntakeQuota;
}

export interface CaseStore {
  /**
   * A number of the store's daily case-number sequence (1, 2, ...), unique, for one `create` (pass it as
   * `writes.caseNumber`). Usually no round trip: numbers come from blocks the store's counter gave this container,
   * claimed in the transaction of their first case. Not consecutive across containers; see `docs/data-model.md`.
   */
  nextCaseSequence(storeId: string, day: string): Promise<number>;
  /**
   * Writes the case, its first timeline event, a claim on each of its attachments and (when given) the idempotency
   * record in one transaction. Throws `IdempotencyKeyTakenError` (with the record holding the key, from the
   * cancellation) when a record for the key exists and has not expired by the case's `createdAt` (an expired one is
   * replaced), `AttachmentInUseError` when a file is another case's; nothing is written then. With `quota`, the
   * customer's counter for the hour goes up by one in the same transaction, only while under its limit:
   * `RateLimitedError` past it, nothing written. `kpi`: the counters the case adds. `CaseSequenceMovedError` when the
   * case number's block was claimed elsewhere meanwhile: nothing written; take another number.
   */
  create(newCase: Case, firstEvent: TimelineEvent, writes?: CaseCreationWrites): Promise<void>;
  findIdempotencyRecord(storeId: string, idempotencyKey: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Ids of cases filed before `filedBefore` that still await their workflow (`create` marks a `submitted` case; the
   * decision, any status change or `clearAwaitingWorkflow` unmarks it), oldest first per shard, at most `limit` per
   * shard. Read from an index: eventually consistent, so read the case before acting on it.
   */
  listAwaitingWorkflow(filedBefore: Date, limit: number): Promise<string[]>;
  /** The case's workflow is known to exist: it no longer awaits one. A case already unmarked (or gone) is left alone. */
  clearAwaitingWorkflow(caseId: string): Promise<void>;
  get(caseId: string): Promise<Case | undefined>;
  /** The case and its timeline, oldest event first, in one query. */
  getWithTimeline(caseId: string): Promise<{ case: Case; timeline: TimelineEvent[] } | undefined>;
  /** A customer's cases in one store, newest first. */
  listByCustomer(storeId: string, customerId: string, page: PageRequest): Promise<Page<Case>>;
  /** The id of a store's case with this number (already `normalizedCaseNumber`); undefined when none has it. */
  findIdByCaseNumber(storeId: string, caseNumber: string): Promise<string | undefined>;
  /** A store's cases found by their order or by their customer's email address (exact, normalised), newest first. */
  search(storeId: string, search: CaseSearch, page: PageRequest): Promise<Page<Case>>;
  /** Cases of one order in one store that are still open (not rejected, resolved, closed or cancelled). */
  listOpenCasesForOrder(storeId: string, orderId: string): Promise<Case[]>;
  /**
   * Applies a change, its timeline events and its agent load changes atomically. `current` is the case as the caller
   * read it; index keys derived from several fields (status, queue) are computed from it merged with `change.set`,
   * so a change touching them must carry a condition (`ifStatusIn`, `ifAssignee`) that makes `current` still true.
   * The queue keys are rewritten only when the change sets or removes one of `QUEUE_SOURCE_FIELDS`.
   * Throws `NotFoundError` (no such case), `StateConflictError` (a condition failed), `AgentUnavailableError` (the
   * take failed) and `TransientError` (a concurrent transaction on the same items: read again and retry).
   */
  update(current: Case, change: CaseChange): Promise<void>;
  /**
   * A work queue, most urgent first (see `domain/queue.ts`): an agent's cases or the unassigned ones, active
   * (not resolved, closed, cancelled or rejected) or done. A page may hold fewer than `limit` cases and still have
   * a `nextToken` when a status filter skipped many.
   */
  listQueue(storeId: string, queue: QueueRef, page: PageRequest): Promise<Page<Case>>;
  /** A store's cases in one status, newest first. */
  listByStatus(storeId: string, status: CaseStatus, page: PageRequest): Promise<Page<Case>>;
  /** A store's cases awaiting the customer past the store's limit and flagged for supervisors, newest first. */
  listFlaggedCustomerWaits(storeId: string, page: PageRequest): Promise<Page<Case>>;
  /** A store's cases whose workflow failed and was not retried yet, newest failure first. */
  listWorkflowFailures(storeId: string, page: PageRequest): Promise<Page<Case>>;
  /**
   * How many cases one of the lists above holds (a queue with its filters, a status, the flagged customer waits, the
   * workflow failures, the pending revisits of every queue), counted by the index without reading a case: exact up to `cap`; past it, or past the rounds
   * a count may take, `more` says there are at least `count` (never more than `cap`).
   */
  countCases(storeId: string, list: CaseList, cap: number): Promise<CaseCount>;
  /** The case's outbox items not yet sent (`CaseChange.outbox`), oldest first; consistent. */
  listOutbox(caseId: string): Promise<OutboxItem[]>;
  /** Done with an outbox item (sent, already sent, or failed for good). A missing one is fine. */
  removeOutbox(caseId: string, key: string): Promise<void>;
  /**
   * Outbox items written before `writtenBefore` (left behind: their send job was lost or failed), at most `limit` per
   * shard, oldest first; from an index, so eventually consistent.
   */
  listStaleOutbox(writtenBefore: Date, limit: number): Promise<Array<{ caseId: string; key: string }>>;
}

/** What staff search a store's cases by; `assignedTo` keeps only one agent's cases (an agent's own search). */
export type CaseSearch = ({ orderId: string } | { customerEmail: string }) & { assignedTo?: string };

/** A list of a store's cases that `countCases` counts: what `listQueue`, `listByStatus` and their siblings list. */
export type CaseList =
  | { kind: 'queue'; queue: QueueRef }
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'flaggedCustomerWaits' }
  | { kind: 'workflowFailures' }
  /** Resolved cases whose revisit task waits in a queue (`isRevisitPending`): every queue's `statuses: ['resolved']`. */
  | { kind: 'pendingRevisits' };

/** How many cases a list holds: `count`, or at least `count` when `more`. */
export interface CaseCount {
  count: number;
  more: boolean;
}

export interface QueueRef {
  /** An agentId, or `null` for the unassigned queue. */
  agentId: string | null;
  state: 'active' | 'done';
  /** Only cases in these statuses (a filter within the queue); absent or empty: every case in the queue. */
  statuses?: readonly CaseStatus[];
  /** Only cases of these types (a filter, like `statuses`). */
  types?: readonly CaseType[];
  /** Only cases classified at these priorities (a filter, like `statuses`). */
  priorities?: readonly Priority[];
  /**
   * Only the queue's head whose ordering due time is before this instant (a key condition: the breached cases of an
   * active queue, which come first in it). Cases with no running clock sort after every instant.
   */
  dueBefore?: string;
}

/**
 * A change's KPI delta was computed from a case another write has counted since (`CaseChange.kpi`): nothing was
 * written; recompute it. Transient by name, so a caller that runs out of attempts answers 503 / is retried by the
 * workflow rather than failing.
 */
export class KpiRevisionMovedError extends TransientError {
  constructor(caseId: string) {
    super(`Case ${caseId} was counted by another write meanwhile`);
  }
}

/**
 * Files already attached to another case (each attachment belongs to one case; see `create` and
 * `CaseChange.addAttachments`): nothing was written. The use case names them in a 400.
 */
export class AttachmentInUseError extends Error {
  constructor(readonly attachmentIds: readonly string[]) {
    super(`Attachments already on another case: ${attachmentIds.join(', ')}`);
    this.name = 'AttachmentInUseError';
  }
}

/**
 * The idempotency record exists already (another request with the same key won). `record`: the one holding the key,
 * when the write's cancellation carried it (intake); otherwise read it.
 */
export class IdempotencyKeyTakenError extends Error {
  constructor(readonly record?: IdempotencyRecord) {
    super('Idempotency key already used');
    this.name = 'IdempotencyKeyTakenError';
  }
}

/**
 * The case number's block was claimed by another container meanwhile (its counter had moved on): nothing was
 * written, and the store now knows the counter. Transient by name: take another number and write again.
 */
export class CaseSequenceMovedError extends TransientError {
  constructor(storeId: string, day: string) {
    super(`The case-number counter of store ${storeId} on ${day} moved on`);
  }
}
