import { staffRoute } from '../../http/route.js';
import { staffQueueQuerySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { listStaffQueue } from '../../use-cases/staff/list-staff-queue.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases } from '../../capabilities/tables/aws.js';

const ports = routePorts('listStaffCases', { cases: awsCases });

/** GET /v1/staff/cases: a work queue, most urgent first, paginated. */
export const handler = staffRoute(
  'listStaffCases',
  { query: staffQueueQuerySchema },
  ports,
  async ({ query, user, dependencies }) => {
    const page = await listStaffQueue(dependencies, user, query);
    return jsonResponse(200, {
      items: page.items.map(staffCaseSummary),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    });
  },
);
