import { completeManagedSignIn } from '../../http/console/managed-sign-in.js';
import { pageRoute } from '../../http/page-route.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('completeConsoleSignIn', { consoleSessions: awsConsoleSessions });

/** GET /console/auth/callback: the managed login's return; a console session, or a 400 page and none. */
export const handler = pageRoute(ports, ({ dependencies, headers, query }) =>
  completeManagedSignIn(dependencies, { headers, query }),
);
