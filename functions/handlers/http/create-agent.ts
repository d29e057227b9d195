import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { agentView } from '../../use-cases/admin/agent-view.js';
import { createAgent } from '../../use-cases/admin/manage-agents.js';

/** POST /v1/admin/agents (admin): 201 with the new agent; 409 when the agentId exists. */
export const handler = staffRoute('createAgent', async ({ body, user, dependencies }) => {
  const created = await createAgent(dependencies, user.storeId, body);
  return jsonResponse(201, agentView(created), { location: `/v1/admin/agents/${created.agentId}` });
});
