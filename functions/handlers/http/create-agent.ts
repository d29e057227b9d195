import { staffRoute } from '../../http/route.js';
import { createAgentBodySchema } from '../../schemas/admin-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { agentView } from '../../use-cases/admin/agent-view.js';
import { createAgent } from '../../use-cases/admin/manage-agents.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('createAgent', ASSIGNMENT_CHANGING_ADAPTERS);

/** POST /v1/admin/agents (admin): 201 with the new agent; 409 when the agentId exists. */
export const handler = staffRoute(
  'createAgent',
  { body: createAgentBodySchema },
  ports,
  async ({ body, user, dependencies }) => {
    const created = await createAgent(dependencies, user.storeId, body);
    return jsonResponse(201, agentView(created), { location: `/v1/admin/agents/${created.agentId}` });
  },
);
