import { storefrontRoute } from '../../http/route.js';
import { cancelCaseBodySchema } from '../../schemas/customer-requests.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { jsonResponse } from '../../http/responses.js';
import { cancelCase } from '../../use-cases/customer/cancel-case.js';
import { getCustomerCase } from '../../use-cases/customer/get-customer-case.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('cancelCase', ASSIGNMENT_CHANGING_ADAPTERS);

/** POST /v1/cases/{caseId}/cancel: 200 with the customer's view of the cancelled case; 409 once resolved. */
export const handler = storefrontRoute(
  { path: casePathSchema, body: cancelCaseBodySchema },
  ports,
  async ({ path, body, store, dependencies }) => {
    const cancelled = await cancelCase(dependencies, {
      storeId: store.storeId,
      caseId: path.caseId,
      reason: body.reason,
    });
    return jsonResponse(200, await getCustomerCase(dependencies, { storeId: store.storeId, caseId: cancelled.caseId }));
  },
);
