import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { revisitBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { completeRevisit } from '../../use-cases/staff/complete-revisit.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('completeRevisit', ASSIGNMENT_CHANGING_ADAPTERS);

/** POST /v1/staff/cases/{caseId}/revisit: 200 with the case's summary (closed, or reopened) and the revisit's round. */
export const handler = staffRoute(
  'completeRevisit',
  { path: casePathSchema, body: revisitBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const changed = await completeRevisit(dependencies, { ...body, user, caseId: path.caseId });
    return jsonResponse(200, staffCaseSummary(changed));
  },
);
