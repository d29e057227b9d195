import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { jsonResponse } from '../../http/responses.js';
import { getStaffCase } from '../../use-cases/staff/get-staff-case.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores } from '../../capabilities/tables/aws.js';

const ports = routePorts('getStaffCase', { cases: awsCases, stores: awsStores });

/** GET /v1/staff/cases/{caseId}: everything about the case, internal notes included. */
export const handler = staffRoute(
  'getStaffCase',
  { path: casePathSchema },
  ports,
  async ({ path, user, dependencies }) => jsonResponse(200, await getStaffCase(dependencies, user, path.caseId)),
);
