import { staffRoute } from '../../http/route.js';
import { agentPathSchema, updateAgentBodySchema } from '../../schemas/admin-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { agentView } from '../../use-cases/admin/agent-view.js';
import { updateAgent } from '../../use-cases/admin/manage-agents.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('updateAgent', ASSIGNMENT_CHANGING_ADAPTERS);

/** PUT /v1/admin/agents/{agentId} (admin): 200 with the agent's new profile and current load; 404 when unknown. */
export const handler = staffRoute(
  'updateAgent',
  { path: agentPathSchema, body: updateAgentBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const updated = await updateAgent(dependencies, user.storeId, { ...body, agentId: path.agentId });
    return jsonResponse(200, agentView(updated));
  },
);
