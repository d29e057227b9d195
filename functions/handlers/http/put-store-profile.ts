import { staffRoute } from '../../http/route.js';
import { storeProfileBodySchema } from '../../schemas/store-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { putStoreProfile } from '../../use-cases/admin/manage-store-profile.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('putStoreProfile', { stores: awsStores, workQueue: awsWorkQueue });

/** PUT /v1/admin/store (admin): 200 with the saved profile and its new version. */
export const handler = staffRoute(
  'putStoreProfile',
  { body: storeProfileBodySchema },
  ports,
  async ({ body, user, dependencies }) => jsonResponse(200, await putStoreProfile(dependencies, user.storeId, body)),
);
