import { staffRoute } from '../../http/route.js';
import { caseNumberPathSchema } from '../../schemas/case-search.js';
import { jsonResponse } from '../../http/responses.js';
import { getStaffCaseByNumber } from '../../use-cases/staff/get-staff-case-by-number.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('getStaffCaseByNumber', { cases: awsCases, stores: awsStores });

/** GET /v1/staff/cases/by-number/{caseNumber}: the case customers quote by number, as the staff case view. */
export const handler = staffRoute(
  'getStaffCaseByNumber',
  { path: caseNumberPathSchema },
  ports,
  async ({ path, user, dependencies }) =>
    jsonResponse(200, await getStaffCaseByNumber(dependencies, user, path.caseNumber)),
);
