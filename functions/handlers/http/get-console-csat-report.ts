import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { validate } from '../../http/validation.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { csatPageBody } from '../../pages/console/reports/csat-page.js';
import { csatReportQuerySchema } from '../../schemas/report-requests.js';
import { csatReport } from '../../use-cases/reports/csat-report.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsKpis, awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleCsatReport', {
  stores: awsStores,
  kpis: awsKpis,
  consoleSessions: awsConsoleSessions,
});

/** GET /console/reports/csat (supervisors, admins): `GET /v1/reports/csat` as a page, for the console session. */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'supervisor', 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const query = validate(csatReportQuerySchema, request.query, 'query');
  const { value: report } = await csatReport(dependencies, user.storeId, query);
  const types = CONSOLE_WORDS[locale].types as Record<string, string>;
  const next = report.nextToken
    ? `/console/reports/csat?${new URLSearchParams({ from: report.from, to: report.to, nextToken: report.nextToken }).toString()}`
    : undefined;
  const body = csatPageBody(locale, report, { type: (type) => types[type] ?? type }, next);
  return consoleHtml(200, consolePage(request, ADMIN_WORDS[locale].reports.csatTitle, body));
});
