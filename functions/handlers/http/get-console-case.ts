import { consoleRoute } from '../../http/console/console-route.js';
import { casePageResponse } from '../../http/console/case-page-response.js';
import { isConsoleCaseAction } from '../../pages/console-case-actions.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsAgents, awsCases, awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleCase', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  consoleSessions: awsConsoleSessions,
});

/**
 * GET /console/cases/{caseId}: the case page (404 for another store's case, 403 for an agent's case not theirs).
 * `?notice=<action>` says once what the post just did (post/redirect/get).
 */
export const handler = consoleRoute(ports, async (request) => {
  const caseId = request.pathParameters.caseId ?? '';
  const notice = request.query.notice;
  return casePageResponse(request, caseId, {
    ...(isConsoleCaseAction(notice) || notice === 'approvalRequested' ? { notice } : {}),
  });
});
