import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getStaffCase } from '../../use-cases/staff/get-staff-case.js';

/** GET /v1/staff/cases/{caseId}: everything about the case, internal notes included. */
export const handler = staffRoute('getStaffCase', async ({ path, user, dependencies }) =>
  jsonResponse(200, await getStaffCase(dependencies, user, path.caseId)),
);
