import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { listApiKeys } from '../../use-cases/admin/storefront-keys.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('listApiKeys', { stores: awsStores });

/** GET /v1/admin/store/api-keys (admin): the store's keys, current first; never a key or its hash. */
export const handler = staffRoute('listApiKeys', {}, ports, async ({ user, dependencies }) =>
  jsonResponse(200, await listApiKeys(dependencies, user.storeId), { 'cache-control': 'no-store' }),
);
