import { storefrontRoute } from '../../http/route.js';
import { listCasesQuerySchema } from '../../schemas/case-request.js';
import { jsonResponse } from '../../http/responses.js';
import { customerCaseSummary } from '../../use-cases/customer-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('listCases', { cases: awsCases, stores: awsStores });

/** GET /v1/cases?customerId=: that customer's cases in this store, newest first, paginated. */
export const handler = storefrontRoute(
  { query: listCasesQuerySchema },
  ports,
  async ({ query, store, dependencies }) => {
    const page = await dependencies.cases.listByCustomer(store.storeId, query.customerId, {
      limit: query.limit,
      nextToken: query.nextToken,
    });
    return jsonResponse(200, {
      items: page.items.map(customerCaseSummary),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    });
  },
);
