import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { listStaffQueue } from '../../use-cases/staff/list-staff-queue.js';
import { staffCaseSummary } from '../../use-cases/staff-case-view.js';

/** GET /v1/staff/cases: a work queue, most urgent first, paginated. */
export const handler = staffRoute('listStaffCases', async ({ query, user, dependencies }) => {
  const page = await listStaffQueue(dependencies, user, query);
  return jsonResponse(200, {
    items: page.items.map(staffCaseSummary),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
