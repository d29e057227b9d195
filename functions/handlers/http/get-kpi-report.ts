import { csvResponse, wantsCsv } from '../../http/csv.js';
import { kpiReportCsv } from '../../http/kpi-csv.js';
import { htmlResponse } from '../../http/page-route.js';
import { jsonResponse } from '../../http/responses.js';
import { staffRoute } from '../../http/route.js';
import { kpiReportQuerySchema } from '../../schemas/report-requests.js';
import { kpiPage } from '../../pages/kpi-page.js';
import { localeFromAcceptLanguage } from '../../pages/page-words.js';
import { kpiReport } from '../../use-cases/reports/kpi-report.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = routePorts('getKpiReport', { stores: awsStores, kpis: awsKpis });

const wantsHtml = (format: string | undefined, accept: string | undefined): boolean =>
  format === 'html' || (format === undefined && /text\/html/i.test(accept ?? ''));

/**
 * GET /v1/reports/kpis: the store's KPIs per period beside its targets, as JSON, CSV (`Accept: text/csv` or
 * `format=csv`) or the chart page (`Accept: text/html` or `format=html`, with its own CSP: uPlot and the chart script
 * by hash, nothing from elsewhere). The same sign-in and roles for all three.
 */
export const handler = staffRoute(
  'getKpiReport',
  { query: kpiReportQuerySchema },
  ports,
  async ({ query, headers, user, dependencies }) => {
    const { value: report } = await kpiReport(dependencies, user.storeId, query);
    if (wantsCsv(query.format, headers.accept)) {
      return csvResponse(kpiReportCsv(report), `kpis-${report.period}-${report.from}-${report.to}.csv`);
    }
    if (wantsHtml(query.format, headers.accept)) {
      const { html, csp } = kpiPage(report, {
        locale: localeFromAcceptLanguage(headers['accept-language']),
        storeName: report.storeName,
      });
      return htmlResponse(200, html, csp);
    }
    return jsonResponse(200, report);
  },
);
