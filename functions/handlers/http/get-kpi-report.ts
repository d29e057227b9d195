import { jsonResponse } from '../../http/responses.js';
import { staffRoute } from '../../http/route.js';
import { kpiReport } from '../../use-cases/reports/kpi-report.js';

/** GET /v1/reports/kpis: the store's KPIs per period beside its targets. */
export const handler = staffRoute('getKpiReport', async ({ query, user, dependencies }) => {
  const { value } = await kpiReport(dependencies, user.storeId, query);
  return jsonResponse(200, value);
});
