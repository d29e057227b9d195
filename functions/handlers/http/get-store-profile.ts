import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getStoreProfile } from '../../use-cases/admin/manage-store-profile.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('getStoreProfile', { stores: awsStores });

/** GET /v1/admin/store (admin): the caller's store profile and its version. */
export const handler = staffRoute('getStoreProfile', {}, ports, async ({ user, dependencies }) =>
  jsonResponse(200, await getStoreProfile(dependencies, user.storeId)),
);
