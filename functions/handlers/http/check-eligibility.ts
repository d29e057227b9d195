import { assertOrderDatesNotInFuture } from '../../domain/order-dates.js';
import { storefrontRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { ROUTE_SCHEMAS } from '../../schemas/route-schemas.js';
import { reviewAgainstPolicy } from '../../use-cases/review-against-policy.js';

/** POST /v1/eligibility: the decision a case with this body would get now; nothing is stored. */
export const handler = storefrontRoute(ROUTE_SCHEMAS.checkEligibility, async ({ body, store, dependencies }) => {
  assertOrderDatesNotInFuture(body, dependencies.clock.now());
  const decision = await reviewAgainstPolicy(dependencies, store.storeId, body);
  return jsonResponse(200, {
    outcome: decision.outcome,
    reasons: decision.reasons,
    policyVersion: decision.policyVersion,
  });
});
