import { isRevisitPending } from './aftercare/revisit.js';
import { isOpenCase, UNDECIDED_STATUSES, type Case } from './case.js';

/**
 * Work queues: each approved case sits in exactly one, its assignee's or the store's unassigned queue, `active` until
 * it is resolved or cancelled, then `done`. Cases never approved (submitted, in review, rejected) are in none; nor is a
 * case whose status has not yet left `submitted`/`pending_review`, whatever its decision says.
 * Within a queue the most urgent comes first: by the nearest SLA due time of a milestone still running
 * (`Case.deadlines.nextDueAt`), then by priority, then oldest first; cases with no running clock (paused while the
 * customer answers, or not yet classified) come after those with one. A resolved case whose revisit task is due is
 * back in its agent's active queue until the revisit is done, ordered by the revisit's own due time.
 */
const UNASSIGNED = '~unassigned';

export const queuePartition = (storeId: string, agentId: string | null, state: 'active' | 'done'): string =>
  `${storeId}#${agentId ?? UNASSIGNED}#${state}`;

type QueueFields = Pick<
  Case,
  'storeId' | 'caseId' | 'status' | 'decision' | 'assignee' | 'classification' | 'createdAt' | 'deadlines' | 'revisit'
>;

/** Sorts after every ISO instant: a case with no running deadline. */
const NO_DEADLINE = '~';

/** The queue a case is in, or undefined when it is in none. */
export const queueOf = (value: QueueFields): { queueKey: string; queueSortKey: string } | undefined => {
  // The decision may be written before the status moves on from review.
  if (value.decision?.outcome !== 'approved' || UNDECIDED_STATUSES.includes(value.status)) return undefined;
  const revisitDue = value.status === 'resolved' && isRevisitPending(value.revisit);
  const state = isOpenCase(value.status) || revisitDue ? 'active' : 'done';
  return {
    queueKey: queuePartition(value.storeId, value.assignee?.agentId ?? null, state),
    queueSortKey: [
      (revisitDue ? value.revisit?.answerDueAt : value.deadlines?.nextDueAt) ?? NO_DEADLINE,
      value.classification?.priority ?? 'P9',
      value.createdAt,
      value.caseId,
    ].join('#'),
  };
};

/** The case fields a queue placement is derived from: a change to any of them moves the case between queues. */
export const QUEUE_SOURCE_FIELDS = [
  'status',
  'decision',
  'assignee',
  'classification',
  'deadlines',
  'revisit',
] as const;
