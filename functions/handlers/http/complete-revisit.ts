import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { completeRevisit } from '../../use-cases/staff/complete-revisit.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';

/** POST /v1/staff/cases/{caseId}/revisit: 200 with the case's summary (closed, or reopened) and the revisit's round. */
export const handler = staffRoute('completeRevisit', async ({ path, body, user, dependencies }) => {
  const changed = await completeRevisit(dependencies, { ...body, user, caseId: path.caseId });
  return jsonResponse(200, staffCaseSummary(changed));
});
