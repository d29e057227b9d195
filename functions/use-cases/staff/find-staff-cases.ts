import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { normalizedCaseNumber } from '../../domain/case-lookup.js';
import { ValidationError } from '../../domain/errors.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import type { Page, PageRequest } from '../../ports/case-store.js';

/** One search of `GET /v1/staff/cases` (the query's search fields, as validated). */
export interface StaffCaseSearch {
  caseNumber?: string | undefined;
  orderId?: string | undefined;
  customerEmail?: string | undefined;
}

const SEARCH_FIELDS = ['caseNumber', 'orderId', 'customerEmail'] as const;

/** The queue filters a search does not combine with. */
const QUEUE_FIELDS = ['assignee', 'status', 'type', 'failed', 'flagged'] as const;

/** Whether the query searches (by number, order or email) rather than reads a queue. */
export const isSearch = (query: StaffCaseSearch): boolean => SEARCH_FIELDS.some((field) => query[field] !== undefined);

/**
 * Staff find cases by what a customer quotes, in their own store only (another store's cases are never read), newest
 * first, paged like the queues:
 * - `caseNumber`: the one case with that number (case-insensitive), from its pointer item, or none;
 * - `orderId`: the cases of that order; `customerEmail`: the cases of that address (exact after trimming and
 *   lower-casing), each from an index.
 * One search at a time, not mixed with the queue's filters (400 naming the extra field). Agents find only cases
 * assigned to them, as they may open only those; supervisors and admins find every case of their store.
 */
export const findStaffCases = async (
  { cases }: Pick<Dependencies, 'cases'>,
  user: StaffUser,
  query: StaffCaseSearch & Partial<Record<(typeof QUEUE_FIELDS)[number], unknown>>,
  page: PageRequest,
): Promise<Page<Case>> => {
  const given = SEARCH_FIELDS.filter((field) => query[field] !== undefined);
  const mixed = [...given.slice(1), ...QUEUE_FIELDS.filter((field) => query[field] !== undefined)];
  if (mixed.length > 0) {
    throw new ValidationError('Search by one of caseNumber, orderId or customerEmail, without queue filters', {
      details: mixed.map((field) => ({ path: field, message: `Not combined with ${given[0]}` })),
    });
  }
  const assignedTo = isSupervising(user) ? undefined : (user.agentId ?? '');
  const visible = (value: Case): boolean =>
    value.storeId === user.storeId && (assignedTo === undefined || value.assignee?.agentId === assignedTo);
  if (query.caseNumber !== undefined) {
    const caseNumber = normalizedCaseNumber(query.caseNumber);
    const caseId = caseNumber && (await cases.findIdByCaseNumber(user.storeId, caseNumber));
    const found = caseId ? await cases.get(caseId) : undefined;
    return { items: found && visible(found) ? [found] : [] };
  }
  const by = query.orderId !== undefined ? { orderId: query.orderId } : { customerEmail: query.customerEmail ?? '' };
  return cases.search(user.storeId, { ...by, ...(assignedTo !== undefined ? { assignedTo } : {}) }, page);
};
