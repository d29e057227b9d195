import { refusedUnless } from '../../http/console/console-access.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { csvDocument, csvResponse } from '../../http/csv.js';
import { validate } from '../../http/validation.js';
import { caseExportQuerySchema } from '../../schemas/report-requests.js';
import { CASE_EXPORT_COLUMNS, exportCases } from '../../use-cases/reports/case-export.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsKpis, awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('exportConsoleCases', {
  stores: awsStores,
  kpis: awsKpis,
  consoleSessions: awsConsoleSessions,
});

/**
 * GET /console/reports/cases.csv (supervisors, admins): `GET /v1/reports/cases.csv` for the console session (see
 * `get-console-kpi-report.ts` for why the console has its own route). Paged as the API's: `X-Next-Token`.
 */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'supervisor', 'admin');
  if (refused) return refused;
  const query = validate(caseExportQuerySchema, request.query, 'query');
  const page = await exportCases(request.dependencies, request.user.storeId, query);
  return csvResponse(
    csvDocument(CASE_EXPORT_COLUMNS, page.rows),
    `cases-${page.from}-${page.to}.csv`,
    page.nextToken ? { 'x-next-token': page.nextToken } : {},
  );
});
