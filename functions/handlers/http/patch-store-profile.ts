import { staffRoute } from '../../http/route.js';
import { storeProfilePatchSchema } from '../../schemas/store-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { patchStoreProfile } from '../../use-cases/admin/manage-store-profile.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('patchStoreProfile', { stores: awsStores, workQueue: awsWorkQueue });

/** PATCH /v1/admin/store (admin): 200 with the whole saved profile and its new version; 409 when changed meanwhile. */
export const handler = staffRoute(
  'patchStoreProfile',
  { body: storeProfilePatchSchema },
  ports,
  async ({ body, user, dependencies }) => jsonResponse(200, await patchStoreProfile(dependencies, user.storeId, body)),
);
