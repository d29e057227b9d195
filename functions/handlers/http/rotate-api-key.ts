import { staffRoute } from '../../http/route.js';
import { apiKeyRotationBodySchema } from '../../schemas/store-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { rotateApiKey } from '../../use-cases/admin/rotate-api-key.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsStorefrontKeys } from '../../capabilities/storefront-keys/aws.js';

const ports = routePorts('rotateApiKey', { stores: awsStores, storefrontKeys: awsStorefrontKeys });

/** POST /v1/admin/store/api-keys (admin): 201 with the new key, shown only in this answer (never cached). */
export const handler = staffRoute(
  'rotateApiKey',
  { body: apiKeyRotationBodySchema },
  ports,
  async ({ body, user, dependencies }) =>
    jsonResponse(201, await rotateApiKey(dependencies, user.storeId, body), { 'cache-control': 'no-store' }),
);
