import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { rotateApiKey } from '../../use-cases/admin/rotate-api-key.js';

/** POST /v1/admin/store/api-keys (admin): 201 with the new key, shown only in this answer (never cached). */
export const handler = staffRoute('rotateApiKey', async ({ body, user, dependencies }) =>
  jsonResponse(201, await rotateApiKey(dependencies, user.storeId, body), { 'cache-control': 'no-store' }),
);
