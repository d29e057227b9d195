import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getSlaPolicy } from '../../use-cases/admin/manage-sla-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('getSlaPolicy', { stores: awsStores });

/** GET /v1/admin/sla (admin): the store's SLA policy and its version. */
export const handler = staffRoute('getSlaPolicy', {}, ports, async ({ user, dependencies }) =>
  jsonResponse(200, await getSlaPolicy(dependencies, user.storeId)),
);
