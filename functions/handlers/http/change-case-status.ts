import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { statusBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { changeCaseStatus } from '../../use-cases/staff/change-case-status.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('changeCaseStatus', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
});

/** POST /v1/staff/cases/{caseId}/status: awaiting_customer <-> in_progress; 200 with the case's summary. */
export const handler = staffRoute(
  'changeCaseStatus',
  { path: casePathSchema, body: statusBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const changed = await changeCaseStatus(dependencies, { user, caseId: path.caseId, status: body.status });
    return jsonResponse(200, staffCaseSummary(changed));
  },
);
