import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { completeRevisit } from '../../use-cases/staff/complete-revisit.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('completeRevisit', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
});

/** POST /v1/staff/cases/{caseId}/revisit: 200 with the case's summary (closed, or reopened) and the revisit's round. */
export const handler = staffRoute('completeRevisit', ports, async ({ path, body, user, dependencies }) => {
  const changed = await completeRevisit(dependencies, { ...body, user, caseId: path.caseId });
  return jsonResponse(200, staffCaseSummary(changed));
});
