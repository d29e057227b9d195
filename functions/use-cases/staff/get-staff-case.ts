import type { Dependencies } from '../../commons/dependencies.js';
import { CASE_ID_PATTERN } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { NotFoundError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import { slaOfCase } from '../sla/sla-context.js';
import { staffCaseView, type StaffCaseView } from '../staff-case-view.js';

/**
 * Everything about one case for staff (`GET /v1/staff/cases/{caseId}`), with the same access rule as every action:
 * 404 for another store's case or a malformed id, 403 for an agent it is not assigned to.
 */
export const getStaffCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'clock'>,
  user: StaffUser,
  caseId: string,
): Promise<StaffCaseView> => {
  const found = CASE_ID_PATTERN.test(caseId) ? await dependencies.cases.getWithTimeline(caseId) : undefined;
  if (!found) throw new NotFoundError('No such case');
  assertCaseAccess(user, found.case);
  return staffCaseView(found.case, found.timeline, await slaOfCase(dependencies, found.case, found.timeline));
};
