import { staffRoute } from '../../http/route.js';
import { apiKeyPathSchema } from '../../schemas/store-requests.js';
import { noContentResponse } from '../../http/responses.js';
import { revokeApiKey } from '../../use-cases/admin/storefront-keys.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('revokeApiKey', { stores: awsStores });

/** DELETE /v1/admin/store/api-keys/{keyId} (admin): 204; 409 for the current key, 404 for an unknown one. */
export const handler = staffRoute(
  'revokeApiKey',
  { path: apiKeyPathSchema },
  ports,
  async ({ path, user, dependencies }) => {
    await revokeApiKey(dependencies, user.storeId, path.keyId);
    return noContentResponse();
  },
);
