import { isOpenCase, type Case, type CaseStatus } from './case.js';

/**
 * Work queues: each approved case sits in exactly one, its assignee's or the store's unassigned queue, `active` until
 * it is resolved or cancelled, then `done`. Cases never approved (submitted, in review, rejected) are in none; nor is a
 * case whose status has not yet left `submitted`/`pending_review`, whatever its decision says.
 * Within a queue the most urgent comes first: by priority, then oldest first. (The SLA issue moves this to the due
 * time of the next deadline.)
 */
export const UNASSIGNED = '~unassigned';

export const queuePartition = (storeId: string, agentId: string | null, state: 'active' | 'done'): string =>
  `${storeId}#${agentId ?? UNASSIGNED}#${state}`;

/** Statuses before the case is opened for work: the decision may be written before the status moves on. */
const NOT_YET_OPEN: readonly CaseStatus[] = ['submitted', 'pending_review'];

type QueueFields = Pick<
  Case,
  'storeId' | 'caseId' | 'status' | 'decision' | 'assignee' | 'classification' | 'createdAt'
>;

/** The queue a case is in, or undefined when it is in none. */
export const queueOf = (value: QueueFields): { queueKey: string; queueSortKey: string } | undefined => {
  if (value.decision?.outcome !== 'approved' || NOT_YET_OPEN.includes(value.status)) return undefined;
  const state = isOpenCase(value.status) ? 'active' : 'done';
  return {
    queueKey: queuePartition(value.storeId, value.assignee?.agentId ?? null, state),
    queueSortKey: `${value.classification?.priority ?? 'P9'}#${value.createdAt}#${value.caseId}`,
  };
};

/** The case fields a queue placement is derived from: a change to any of them moves the case between queues. */
export const QUEUE_SOURCE_FIELDS = ['status', 'decision', 'assignee', 'classification'] as const;
