import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { reviewBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { reviewCase } from '../../use-cases/staff/review-case.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';

const ports = routePorts('reviewCase', { cases: awsCases, stores: awsStores, kpis: awsKpis, workflow: awsWorkflow });

/** POST /v1/staff/cases/{caseId}/review (supervisor, admin): 200 with the decision; the workflow carries it out. */
export const handler = staffRoute(
  'reviewCase',
  { path: casePathSchema, body: reviewBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const decision = await reviewCase(dependencies, { ...body, user, caseId: path.caseId });
    return jsonResponse(200, { caseId: path.caseId, decision });
  },
);
