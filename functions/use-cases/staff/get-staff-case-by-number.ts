import type { Dependencies } from '../../commons/dependencies.js';
import { normalizedCaseNumber } from '../../domain/case-lookup.js';
import { NotFoundError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import type { StaffCaseView } from '../staff-case-view.js';
import { getStaffCase } from './get-staff-case.js';

/**
 * The case a customer quotes by number (`GET /v1/staff/cases/by-number/{caseNumber}`, case-insensitive): looked up in
 * the staff member's own store only, then shown as `getStaffCase` shows it, with the same access rule. A malformed or
 * unknown number is a 404, as is another store's.
 */
export const getStaffCaseByNumber = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'clock'>,
  user: StaffUser,
  rawCaseNumber: string,
): Promise<StaffCaseView> => {
  const caseNumber = normalizedCaseNumber(rawCaseNumber);
  const caseId = caseNumber && (await dependencies.cases.findIdByCaseNumber(user.storeId, caseNumber));
  if (!caseId) throw new NotFoundError('No case with this number');
  return getStaffCase(dependencies, user, caseId);
};
