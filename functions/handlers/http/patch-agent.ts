import { staffRoute } from '../../http/route.js';
import { agentPathSchema, patchAgentBodySchema } from '../../schemas/admin-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { agentView } from '../../use-cases/admin/agent-view.js';
import { patchAgent } from '../../use-cases/admin/manage-agents.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('patchAgent', ASSIGNMENT_CHANGING_ADAPTERS);

/** PATCH /v1/admin/agents/{agentId} (admin): 200 with the agent after the change; 404 unknown, 409 changed meanwhile. */
export const handler = staffRoute(
  'patchAgent',
  { path: agentPathSchema, body: patchAgentBodySchema },
  ports,
  async ({ path, body, user, dependencies }) =>
    jsonResponse(200, agentView(await patchAgent(dependencies, user.storeId, path.agentId, body))),
);
