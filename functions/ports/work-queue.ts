/**
 * Where a retime of open cases resumes: the work queue of `agentId` (`null`: the unassigned queue) from `nextToken`.
 * Queues after it follow in agentId order.
 */
export interface RetimeCursor {
  agentId: string | null;
  nextToken?: string;
}

/**
 * Work taken off the request path and done just after it, by the work queue's consumer. Every job is idempotent: a
 * redelivered or duplicated one does nothing more than the first (due times are recomputed from each case's events,
 * a wait completed twice is ignored, a case is assigned only while it waits and an agent has room).
 */
export type WorkJob =
  /**
   * Re-times the store's open cases under SLA policy `slaPolicyVersion` (the one just saved; its consumer reads it
   * strongly consistently and retries until it sees that version). `from` continues a run cut short on a large store.
   */
  | { kind: 'retimeOpenCases'; storeId: string; slaPolicyVersion: number; from?: RetimeCursor }
  /** Offers the store's freed agent capacity to its waiting (unassigned) cases, most urgent first. */
  | { kind: 'offerCapacity'; storeId: string }
  /**
   * Sends the case's outbox items named by `keys` (absent: all of them): the emails staff actions wrote with their
   * changes (`notifications/outbox.ts`). Each action's job names its own, so two jobs of one case never send one email.
   */
  | { kind: 'sendNotifications'; caseId: string; keys?: string[] };

export type WorkJobKind = WorkJob['kind'];

/** The queue of background work: SQS in AWS, an in-process queue running the same consumer locally. */
export interface WorkQueue {
  /** Resolves once the job is stored durably (it runs later, at least once); rejects when it could not be. */
  enqueue(job: WorkJob): Promise<void>;
}
