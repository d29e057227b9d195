import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { renderQueuePage } from '../../pages/console/queue-page.js';
import { listStaffQueue } from '../../use-cases/staff/list-staff-queue.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleQueue', { cases: awsCases, consoleSessions: awsConsoleSessions });

/** The first page of the queue: as many cases as the API's largest page. */
const QUEUE_PAGE_SIZE = 100;

/**
 * GET /console: the signed-in user's queue (an agent's own cases; a supervisor's or admin's unassigned queue, as the
 * staff API's default), most urgent SLA deadline first, through the staff API's use case (no Scan).
 */
export const handler = consoleRoute(ports, async (request) => {
  const { dependencies, user, locale, path, csrfToken } = request;
  const page = await listStaffQueue(dependencies, user, { limit: QUEUE_PAGE_SIZE });
  return consoleHtml(200, renderQueuePage({ locale, user, path, csrfToken }, page.items, dependencies.clock.now()));
});
