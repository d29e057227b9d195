import { NotFoundError } from '../../domain/errors.js';
import { storefrontRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { caseIdSchema } from '../../schemas/case-request.js';
import { ROUTE_SCHEMAS } from '../../schemas/route-schemas.js';
import { customerCaseView } from '../../use-cases/customer-case-view.js';

/** GET /v1/cases/{caseId}: the customer's view. Another store's case is indistinguishable from a missing one. */
export const handler = storefrontRoute(ROUTE_SCHEMAS.getCase, async ({ path, store, dependencies }) => {
  const found = caseIdSchema.safeParse(path.caseId).success
    ? await dependencies.cases.getWithTimeline(path.caseId)
    : undefined;
  if (!found || found.case.storeId !== store.storeId) throw new NotFoundError('No such case');
  return jsonResponse(200, customerCaseView(found.case, found.timeline));
});
