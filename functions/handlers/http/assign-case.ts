import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { assignCase } from '../../use-cases/staff/assign-case.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('assignCase', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
});

/** POST /v1/staff/cases/{caseId}/assign (supervisor, admin): 200 with the case's summary. */
export const handler = staffRoute('assignCase', ports, async ({ path, body, user, dependencies }) => {
  const assigned = await assignCase(dependencies, { user, caseId: path.caseId, agentId: body.agentId });
  return jsonResponse(200, staffCaseSummary(assigned));
});
