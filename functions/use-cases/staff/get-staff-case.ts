import type { Dependencies } from '../../commons/dependencies.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import type { StaffUser } from '../../domain/staff.js';
import { findCaseWithTimeline } from '../find-case.js';
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
  const { case: current, timeline } = await findCaseWithTimeline(dependencies, caseId);
  assertCaseAccess(user, current);
  return staffCaseView(current, timeline, {
    ...(await slaOfCase(dependencies, current, timeline)),
    now: dependencies.clock.now(),
  });
};
