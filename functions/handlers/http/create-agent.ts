import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { agentView } from '../../use-cases/admin/agent-view.js';
import { createAgent } from '../../use-cases/admin/manage-agents.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('createAgent', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
});

/** POST /v1/admin/agents (admin): 201 with the new agent; 409 when the agentId exists. */
export const handler = staffRoute('createAgent', ports, async ({ body, user, dependencies }) => {
  const created = await createAgent(dependencies, user.storeId, body);
  return jsonResponse(201, agentView(created), { location: `/v1/admin/agents/${created.agentId}` });
});
