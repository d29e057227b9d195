import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { resolveCase } from '../../use-cases/staff/resolve-case.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('resolveCase', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
});

/** POST /v1/staff/cases/{caseId}/resolve: 200 with the case's summary and the recorded resolution. */
export const handler = staffRoute('resolveCase', ports, async ({ path, body, user, dependencies }) => {
  const resolved = await resolveCase(dependencies, { ...body, user, caseId: path.caseId });
  return jsonResponse(200, { ...staffCaseSummary(resolved), resolution: resolved.resolution ?? null });
});
