import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { reclassifyBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { reclassifyCase } from '../../use-cases/staff/reclassify-case.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';

const ports = routePorts('reclassifyCase', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
});

/** POST /v1/staff/cases/{caseId}/classification: 200 with the case's summary and its new classification. */
export const handler = staffRoute(
  'reclassifyCase',
  { path: casePathSchema, body: reclassifyBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const reclassified = await reclassifyCase(dependencies, { ...body, user, caseId: path.caseId });
    return jsonResponse(200, {
      ...staffCaseSummary(reclassified),
      classification: reclassified.classification ?? null,
    });
  },
);
