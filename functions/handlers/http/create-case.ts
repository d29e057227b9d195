import { assertOrderDatesNotInFuture } from '../../domain/order-dates.js';
import { idempotencyKeyOf } from '../../http/idempotency-key.js';
import { storefrontRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { ROUTE_SCHEMAS } from '../../schemas/route-schemas.js';
import { customerCaseSummary } from '../../use-cases/customer-case-view.js';
import { fileCase } from '../../use-cases/file-case.js';

/**
 * POST /v1/cases: 201 for a new case; 200 with the same case for a replayed Idempotency-Key and body; 400 for an
 * order or delivery time in the future.
 */
export const handler = storefrontRoute(ROUTE_SCHEMAS.createCase, async ({ body, headers, store, dependencies }) => {
  const idempotencyKey = idempotencyKeyOf(headers);
  assertOrderDatesNotInFuture(body, dependencies.clock.now());
  const { created, filed } = await fileCase(dependencies, {
    store,
    request: body,
    idempotencyKey,
    intakeLimited: true,
  });
  return jsonResponse(created ? 201 : 200, customerCaseSummary(filed), { location: `/v1/cases/${filed.caseId}` });
});
