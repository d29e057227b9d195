import { startManagedSignIn } from '../../http/console/managed-sign-in.js';
import { pageRoute } from '../../http/page-route.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('startConsoleSignIn', { consoleSessions: awsConsoleSessions });

/**
 * GET /console/sign-in (AWS): off to the user pool's managed login with PKCE; `?returnTo=/console/...` is where the
 * browser lands once signed in. The local stack serves this path with its own user list (local/console-sign-in.ts).
 */
export const handler = pageRoute(ports, ({ dependencies, headers, query }) =>
  startManagedSignIn(dependencies, { headers, returnTo: query.returnTo }),
);
