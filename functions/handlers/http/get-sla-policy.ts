import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getSlaPolicy } from '../../use-cases/admin/manage-sla-policy.js';

/** GET /v1/admin/sla (admin): the store's SLA policy and its version. */
export const handler = staffRoute('getSlaPolicy', async ({ user, dependencies }) =>
  jsonResponse(200, await getSlaPolicy(dependencies, user.storeId)),
);
