import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { putStoreProfile } from '../../use-cases/admin/manage-store-profile.js';

/** PUT /v1/admin/store (admin): 200 with the saved profile and its new version. */
export const handler = staffRoute('putStoreProfile', async ({ body, user, dependencies }) =>
  jsonResponse(200, await putStoreProfile(dependencies, user.storeId, body)),
);
