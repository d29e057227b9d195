import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getPolicy } from '../../use-cases/admin/manage-policy.js';

/** GET /v1/admin/policy (admin): the store's auto-review and classification policy. */
export const handler = staffRoute('getPolicy', async ({ user, dependencies }) =>
  jsonResponse(200, await getPolicy(dependencies, user.storeId)),
);
