import { csvDocument, csvResponse } from '../../http/csv.js';
import { staffRoute } from '../../http/route.js';
import { caseExportQuerySchema } from '../../schemas/report-requests.js';
import { CASE_EXPORT_COLUMNS, exportCases } from '../../use-cases/reports/case-export.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = routePorts('exportCases', { stores: awsStores, kpis: awsKpis });

/**
 * GET /v1/reports/cases.csv: one line per case received in the range. Paged: `X-Next-Token` names the next page
 * (`?nextToken=`), absent on the last one.
 */
export const handler = staffRoute(
  'exportCases',
  { query: caseExportQuerySchema },
  ports,
  async ({ query, user, dependencies }) => {
    const page = await exportCases(dependencies, user.storeId, query);
    return csvResponse(
      csvDocument(CASE_EXPORT_COLUMNS, page.rows),
      `cases-${page.from}-${page.to}.csv`,
      page.nextToken ? { 'x-next-token': page.nextToken } : {},
    );
  },
);
