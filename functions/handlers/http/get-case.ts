import { storefrontRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { jsonResponse } from '../../http/responses.js';
import { getCustomerCase } from '../../use-cases/customer/get-customer-case.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('getCase', { cases: awsCases, stores: awsStores });

/** GET /v1/cases/{caseId}: the customer's view. Another store's case is indistinguishable from a missing one. */
export const handler = storefrontRoute({ path: casePathSchema }, ports, async ({ path, store, dependencies }) =>
  jsonResponse(200, await getCustomerCase(dependencies, { storeId: store.storeId, caseId: path.caseId })),
);
