import { consoleRoute } from '../../http/console/console-route.js';
import { seeOther, setCookie } from '../../http/console/console-request.js';
import { SESSION_COOKIE } from '../../http/console/console-session.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('signOutOfConsole', { consoleSessions: awsConsoleSessions });

/** POST /console/sign-out (with the CSRF token): the session cookie is cleared, then the sign-in page. */
export const handler = consoleRoute(ports, async ({ headers }) =>
  seeOther('/console/sign-in', [setCookie(SESSION_COOKIE, '', 0, headers)]),
);
