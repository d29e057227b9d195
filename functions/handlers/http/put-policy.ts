import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { putPolicy } from '../../use-cases/admin/manage-policy.js';

/** PUT /v1/admin/policy (admin): 200 with the saved policy and its new version. */
export const handler = staffRoute('putPolicy', async ({ body, user, dependencies }) =>
  jsonResponse(200, await putPolicy(dependencies, user.storeId, body)),
);
