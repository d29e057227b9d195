import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { changeCaseStatus } from '../../use-cases/staff/change-case-status.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';

/** POST /v1/staff/cases/{caseId}/status: awaiting_customer <-> in_progress; 200 with the case's summary. */
export const handler = staffRoute('changeCaseStatus', async ({ path, body, user, dependencies }) => {
  const changed = await changeCaseStatus(dependencies, { user, caseId: path.caseId, status: body.status });
  return jsonResponse(200, staffCaseSummary(changed));
});
