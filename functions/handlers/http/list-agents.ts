import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { agentView } from '../../use-cases/admin/agent-view.js';
import { listAgents } from '../../use-cases/admin/manage-agents.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsAgents } from '../../capabilities/tables/aws.js';

const ports = routePorts('listAgents', { agents: awsAgents });

/** GET /v1/admin/agents (supervisor, admin): the store's agents with their load. */
export const handler = staffRoute('listAgents', {}, ports, async ({ user, dependencies }) =>
  jsonResponse(200, { items: (await listAgents(dependencies, user.storeId)).map(agentView) }),
);
