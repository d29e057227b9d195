import { assertOrderDatesNotInFuture } from '../../domain/order-dates.js';
import { idempotencyKeyOf } from '../../http/idempotency-key.js';
import { storefrontRoute } from '../../http/route.js';
import { caseRequestSchema } from '../../schemas/case-request.js';
import { jsonResponse } from '../../http/responses.js';
import { customerCaseSummary } from '../../use-cases/customer-case-view.js';
import { fileCase } from '../../use-cases/file-case.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';

const ports = routePorts('createCase', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
  uploads: awsUploads,
});

/**
 * POST /v1/cases: 201 for a new case; 200 with the same case for a replayed Idempotency-Key and body; 400 for an
 * order or delivery time in the future.
 */
export const handler = storefrontRoute(
  { body: caseRequestSchema },
  ports,
  async ({ body, headers, store, dependencies }) => {
    const idempotencyKey = idempotencyKeyOf(headers);
    assertOrderDatesNotInFuture(body, dependencies.clock.now());
    const { created, filed } = await fileCase(dependencies, {
      store,
      request: body,
      idempotencyKey,
      intakeLimited: true,
    });
    return jsonResponse(created ? 201 : 200, customerCaseSummary(filed), { location: `/v1/cases/${filed.caseId}` });
  },
);
