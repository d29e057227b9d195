import { consoleRoute, SIGN_IN_PATH } from '../../http/console/console-route.js';
import { seeOther, setCookie } from '../../http/console/console-request.js';
import { SESSION_COOKIE } from '../../http/console/console-session.js';
import { consoleUrl } from '../../http/console/sign-in-flow.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('signOutOfConsole', { consoleSessions: awsConsoleSessions });

/**
 * POST /console/sign-out (with the CSRF token): the session cookie is cleared; in AWS the user pool's `/logout` then
 * ends the managed login's own session too (else the next sign-in would pass straight through), and sends the browser
 * to the sign-out URL; locally, the sign-in page.
 */
export const handler = consoleRoute(ports, async ({ headers, dependencies }) => {
  const { managedLogin, consoleBaseUrl } = dependencies.consoleSessions;
  const next = managedLogin ? managedLogin.logoutUrl() : consoleUrl(consoleBaseUrl, SIGN_IN_PATH);
  return seeOther(next, [setCookie(SESSION_COOKIE, '', 0, headers)]);
});
