import { staffRoute } from '../../http/route.js';
import { slaPolicyBodySchema } from '../../schemas/admin-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { putSlaPolicy } from '../../use-cases/admin/manage-sla-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('putSlaPolicy', { stores: awsStores, workQueue: awsWorkQueue });

/** PUT /v1/admin/sla (admin): 200 with the saved SLA policy and its new version. */
export const handler = staffRoute(
  'putSlaPolicy',
  { body: slaPolicyBodySchema },
  ports,
  async ({ body, user, dependencies }) => jsonResponse(200, await putSlaPolicy(dependencies, user.storeId, body)),
);
