import { staffRoute } from '../../http/route.js';
import { policyBodySchema } from '../../schemas/admin-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { putPolicy } from '../../use-cases/admin/manage-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('putPolicy', { stores: awsStores });

/** PUT /v1/admin/policy (admin): 200 with the saved policy and its new version. */
export const handler = staffRoute(
  'putPolicy',
  { body: policyBodySchema },
  ports,
  async ({ body, user, dependencies }) => jsonResponse(200, await putPolicy(dependencies, user.storeId, body)),
);
