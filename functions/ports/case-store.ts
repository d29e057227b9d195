import type { Case, CaseStatus } from '../domain/case.js';
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
  caseId: string;
  /** Epoch seconds; DynamoDB's TTL removes the record after it. */
  expiresAt: number;
}

export type CaseRef = Pick<Case, 'caseId' | 'storeId'>;

export interface CaseChange {
  /** The change applies only while the case is in one of these statuses; otherwise `StateConflictError`. */
  ifStatusIn?: readonly CaseStatus[];
  set?: Partial<Omit<Case, 'caseId' | 'storeId' | 'createdAt'>>;
  remove?: ReadonlyArray<'workflowWait' | 'workflowFailure'>;
  /** Written in the same transaction as the change: nothing about a case changes without one. */
  events: TimelineEvent[];
}

/** Persistence of cases, their timelines and intake idempotency records. */
export interface CaseStore {
  /** Next number in the store's daily case-number sequence (1, 2, ...). */
  nextCaseSequence(storeId: string, day: string): Promise<number>;
  /**
   * Writes the case, its first timeline event and (when given) the idempotency record in one transaction.
   * Throws `IdempotencyKeyTakenError` when the record already exists; nothing is written then.
   */
  create(newCase: Case, firstEvent: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void>;
  findIdempotencyRecord(storeId: string, idempotencyKey: string): Promise<IdempotencyRecord | undefined>;
  get(caseId: string): Promise<Case | undefined>;
  /** The case and its timeline, oldest event first, in one query. */
  getWithTimeline(caseId: string): Promise<{ case: Case; timeline: TimelineEvent[] } | undefined>;
  /** A customer's cases in one store, newest first. */
  listByCustomer(storeId: string, customerId: string, page: PageRequest): Promise<Page<Case>>;
  /** Cases of one order in one store that are still open (not rejected, resolved, closed or cancelled). */
  listOpenCasesForOrder(storeId: string, orderId: string): Promise<Case[]>;
  /** Applies a change and its timeline events atomically. */
  update(ref: CaseRef, change: CaseChange): Promise<void>;
}

/** The intake's idempotency record exists already (another request with the same key won). */
export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super('Idempotency key already used');
    this.name = 'IdempotencyKeyTakenError';
  }
}
