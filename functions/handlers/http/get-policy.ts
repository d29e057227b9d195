import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getPolicy } from '../../use-cases/admin/manage-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('getPolicy', { stores: awsStores });

/** GET /v1/admin/policy (admin): the store's auto-review and classification policy. */
export const handler = staffRoute('getPolicy', {}, ports, async ({ user, dependencies }) =>
  jsonResponse(200, await getPolicy(dependencies, user.storeId)),
);
