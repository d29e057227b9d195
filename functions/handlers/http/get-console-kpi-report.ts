import { refusedUnless } from '../../http/console/console-access.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { csvResponse, wantsCsv } from '../../http/csv.js';
import { kpiReportCsv } from '../../http/kpi-csv.js';
import { htmlResponse } from '../../http/page-route.js';
import { validate } from '../../http/validation.js';
import { kpiPage } from '../../pages/kpi-page.js';
import { reportToolbar } from '../../pages/console/reports/report-toolbar.js';
import { kpiReportQuerySchema } from '../../schemas/report-requests.js';
import { kpiReport } from '../../use-cases/reports/kpi-report.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsKpis, awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleKpiReport', {
  stores: awsStores,
  kpis: awsKpis,
  consoleSessions: awsConsoleSessions,
});

/**
 * GET /console/reports (supervisors, admins): `GET /v1/reports/kpis` for the console session. In AWS the report API's
 * Cognito authorizer refuses a request without `Authorization` before any function runs, and a browser following a
 * link sends only its cookie: so the console has its own route, on the same query schema, use case, chart page and CSV
 * (`?format=csv`, a download with the session), instead of loosening the API's authorizer.
 */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'supervisor', 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const query = validate(kpiReportQuerySchema, request.query, 'query');
  const { value: report } = await kpiReport(dependencies, user.storeId, query);
  if (wantsCsv(query.format, undefined)) {
    return csvResponse(kpiReportCsv(report), `kpis-${report.period}-${report.from}-${report.to}.csv`);
  }
  const { html, csp } = kpiPage(report, {
    locale,
    storeName: report.storeName,
    toolbar: reportToolbar(locale, 'kpis', report),
  });
  return htmlResponse(200, html, csp);
});
