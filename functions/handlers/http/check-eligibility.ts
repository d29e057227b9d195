import { assertOrderDatesNotInFuture } from '../../domain/order-dates.js';
import { storefrontRoute } from '../../http/route.js';
import { caseRequestSchema } from '../../schemas/case-request.js';
import { jsonResponse } from '../../http/responses.js';
import { reviewAgainstPolicy } from '../../use-cases/review-against-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores } from '../../capabilities/tables/aws.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';

const ports = routePorts('checkEligibility', { cases: awsCases, stores: awsStores, uploads: awsUploads });

/** POST /v1/eligibility: the decision a case with this body would get now; nothing is stored. */
export const handler = storefrontRoute({ body: caseRequestSchema }, ports, async ({ body, store, dependencies }) => {
  assertOrderDatesNotInFuture(body, dependencies.clock.now());
  const decision = await reviewAgainstPolicy(dependencies, store.storeId, body);
  return jsonResponse(200, {
    outcome: decision.outcome,
    reasons: decision.reasons,
    policyVersion: decision.policyVersion,
  });
});
