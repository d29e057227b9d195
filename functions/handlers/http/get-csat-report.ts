import { jsonResponse } from '../../http/responses.js';
import { staffRoute } from '../../http/route.js';
import { csatReportQuerySchema } from '../../schemas/report-requests.js';
import { csatReport } from '../../use-cases/reports/csat-report.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = routePorts('getCsatReport', { stores: awsStores, kpis: awsKpis });

/** GET /v1/reports/csat: satisfaction by dimension, agent, type and root cause, with the answers (paged). */
export const handler = staffRoute(
  'getCsatReport',
  { query: csatReportQuerySchema },
  ports,
  async ({ query, user, dependencies }) => {
    const { value } = await csatReport(dependencies, user.storeId, query);
    return jsonResponse(200, value);
  },
);
