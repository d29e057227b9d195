import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { resolveBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { resolveCase } from '../../use-cases/staff/resolve-case.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('resolveCase', ASSIGNMENT_CHANGING_ADAPTERS);

/** POST /v1/staff/cases/{caseId}/resolve: 200 with the case's summary and the recorded resolution. */
export const handler = staffRoute(
  'resolveCase',
  { path: casePathSchema, body: resolveBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const resolved = await resolveCase(dependencies, { ...body, user, caseId: path.caseId });
    return jsonResponse(200, { ...staffCaseSummary(resolved), resolution: resolved.resolution ?? null });
  },
);
