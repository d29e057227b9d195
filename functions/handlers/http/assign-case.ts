import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { assignCase } from '../../use-cases/staff/assign-case.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';

/** POST /v1/staff/cases/{caseId}/assign (supervisor, admin): 200 with the case's summary. */
export const handler = staffRoute('assignCase', async ({ path, body, user, dependencies }) => {
  const assigned = await assignCase(dependencies, { user, caseId: path.caseId, agentId: body.agentId });
  return jsonResponse(200, staffCaseSummary(assigned));
});
