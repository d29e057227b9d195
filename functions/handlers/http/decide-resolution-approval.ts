import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { decideResolutionApproval } from '../../use-cases/staff/decide-resolution-approval.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';

/** POST /v1/staff/cases/{caseId}/resolution-approval (supervisor, admin): 200 with the case's summary and resolution. */
export const handler = staffRoute('decideResolutionApproval', async ({ path, body, user, dependencies }) => {
  const decided = await decideResolutionApproval(dependencies, { ...body, user, caseId: path.caseId });
  return jsonResponse(200, { ...staffCaseSummary(decided), resolution: decided.resolution ?? null });
});
