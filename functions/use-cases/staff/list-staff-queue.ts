import type { Dependencies } from '../../commons/dependencies.js';
import { TERMINAL_STATUSES, type Case } from '../../domain/case.js';
import { queueAgentFor } from '../../domain/case-access.js';
import { ForbiddenError } from '../../domain/errors.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import type { Page } from '../../ports/case-store.js';
import type { StaffQueueQuery } from '../../schemas/staff-requests.js';
import { findStaffCases, isSearch } from './find-staff-cases.js';

/**
 * A work queue (`GET /v1/staff/cases`), most urgent first:
 * - `assignee`: `me`, `unassigned` or an agentId; agents may read only their own queue (403 otherwise) and get it by
 *   default, supervisors and admins get the unassigned queue by default;
 * - `status`: one status; a finished one (resolved, closed, cancelled, rejected) reads the queue's done part, others its
 *   active part filtered to that status; a supervisor's `status` without `assignee` lists the whole store's cases in that
 *   status (newest first), which also reaches cases in no queue (submitted, pending_review);
 * - `failed=true` (supervisors and admins; 403 for agents): the store's cases whose workflow failed and awaits a retry,
 *   newest failure first, from a sparse index (the other filters do not apply);
 * - `flagged=true` (supervisors and admins): cases awaiting the customer past the store's limit, flagged for them;
 * - `type=revisit`: the follow-up tasks in the queue (resolved cases whose revisit is due, by its due time);
 * - `caseNumber`, `orderId` or `customerEmail`: a search of the store's cases instead (`findStaffCases`).
 */
export const listStaffQueue = async (
  { cases }: Pick<Dependencies, 'cases'>,
  user: StaffUser,
  query: StaffQueueQuery,
): Promise<Page<Case>> => {
  const page = { limit: query.limit, nextToken: query.nextToken };
  if (isSearch(query)) return findStaffCases({ cases }, user, query, page);
  if (query.failed) {
    if (!isSupervising(user)) throw new ForbiddenError('Only supervisors and admins list failed workflows');
    return cases.listWorkflowFailures(user.storeId, page);
  }
  if (query.flagged) {
    if (!isSupervising(user)) throw new ForbiddenError('Only supervisors and admins list flagged cases');
    return cases.listFlaggedCustomerWaits(user.storeId, page);
  }
  if (query.status && query.assignee === undefined && isSupervising(user)) {
    return cases.listByStatus(user.storeId, query.status, page);
  }
  const agentId = queueAgentFor(user, query.assignee);
  if (query.type === 'revisit') {
    return cases.listQueue(user.storeId, { agentId, state: 'active', statuses: ['resolved'] }, page);
  }
  const state = query.status && TERMINAL_STATUSES.includes(query.status) ? 'done' : 'active';
  return cases.listQueue(user.storeId, { agentId, state, ...(query.status ? { statuses: [query.status] } : {}) }, page);
};
