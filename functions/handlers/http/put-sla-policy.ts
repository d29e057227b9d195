import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { putSlaPolicy } from '../../use-cases/admin/manage-sla-policy.js';

/** PUT /v1/admin/sla (admin): 200 with the saved SLA policy and its new version. */
export const handler = staffRoute('putSlaPolicy', async ({ body, user, dependencies }) =>
  jsonResponse(200, await putSlaPolicy(dependencies, user.storeId, body)),
);
