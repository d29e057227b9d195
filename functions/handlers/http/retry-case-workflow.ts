import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { retryWorkflowBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { retryCaseWorkflow } from '../../use-cases/staff/retry-case-workflow.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';

const ports = routePorts('retryCaseWorkflow', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
});

/** POST /v1/staff/cases/{caseId}/workflow/retry: 202, the lifecycle restarted under a new execution name. */
export const handler = staffRoute(
  'retryCaseWorkflow',
  { path: casePathSchema, body: retryWorkflowBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const { retried, execution } = await retryCaseWorkflow(dependencies, {
      user,
      caseId: path.caseId,
      note: body.note,
    });
    return jsonResponse(202, { ...staffCaseSummary(retried), execution });
  },
);
