import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { assignBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { assignCase } from '../../use-cases/staff/assign-case.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('assignCase', ASSIGNMENT_CHANGING_ADAPTERS);

/** POST /v1/staff/cases/{caseId}/assign (supervisor, admin): 200 with the case's summary. */
export const handler = staffRoute(
  'assignCase',
  { path: casePathSchema, body: assignBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const assigned = await assignCase(dependencies, { user, caseId: path.caseId, agentId: body.agentId });
    return jsonResponse(200, staffCaseSummary(assigned));
  },
);
