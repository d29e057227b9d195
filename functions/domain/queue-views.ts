import { normalizedCaseNumber } from './case-lookup.js';
import type { Case, CaseStatus, CaseType, Priority } from './case.js';
import { isSupervising, type StaffUser } from './staff.js';

/**
 * The lists of the console's queue page, by who looks:
 * - `mine`: the user's own queue (whoever has an entry in the agent directory);
 * - supervisors and admins also: `unassigned` (the store's unassigned queue), `review` (cases pending a manual
 *   review), `breached` (open cases past an SLA due time, in any queue), `flagged` (awaiting the customer past the
 *   store's limit), `failed` (workflow failed, awaiting a retry) and `revisits` (follow-up tasks due, in any queue);
 * - agents also: `revisits` (their own follow-up tasks due).
 */
export const QUEUE_VIEWS = ['mine', 'unassigned', 'review', 'breached', 'flagged', 'failed', 'revisits'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

const SUPERVISOR_VIEWS: readonly QueueView[] = ['unassigned', 'review', 'breached', 'flagged', 'failed', 'revisits'];

export const queueViewsFor = (user: Pick<StaffUser, 'roles' | 'agentId'>): QueueView[] => [
  ...(user.agentId ? (['mine'] as const) : []),
  ...(isSupervising(user) ? SUPERVISOR_VIEWS : user.agentId ? (['revisits'] as const) : []),
];

/** The list a user sees first: their own queue, else (a supervisor with no queue of their own) the unassigned one. */
export const defaultQueueViewFor = (user: Pick<StaffUser, 'roles' | 'agentId'>): QueueView | undefined =>
  queueViewsFor(user)[0];

/** Filters within a list; each absent one keeps every case. */
export interface QueueFilters {
  status?: CaseStatus;
  type?: CaseType;
  priority?: Priority;
}

export const matchesFilters = (value: Case, filters: QueueFilters): boolean =>
  (filters.status === undefined || value.status === filters.status) &&
  (filters.type === undefined || value.type === filters.type) &&
  (filters.priority === undefined || value.classification?.priority === filters.priority);

/** What the search box looked for. */
export type QueueSearch = { caseNumber: string } | { customerEmail: string } | { orderId: string };

/**
 * What a search text names: a case number when it reads as one (`AS-20261207-0001`, any case), an email address when
 * it holds an `@`, else an order id. The text is trimmed; the store's search lower-cases emails.
 */
export const queueSearchOf = (text: string): QueueSearch => {
  const trimmed = text.trim();
  const caseNumber = normalizedCaseNumber(trimmed);
  if (caseNumber) return { caseNumber };
  return trimmed.includes('@') ? { customerEmail: trimmed } : { orderId: trimmed };
};
