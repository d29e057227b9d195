import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { seeOther } from '../../http/console/console-request.js';
import { consoleMessagePage } from '../../pages/console/console-layout.js';
import { QUEUE_WORDS } from '../../pages/console/queue-words.js';
import { setAgentAvailability } from '../../use-cases/admin/set-agent-availability.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('setConsoleAgentAvailability', {
  ...ASSIGNMENT_CHANGING_ADAPTERS,
  consoleSessions: awsConsoleSessions,
});

/**
 * POST /console/agents/{agentId}/availability (the agents board's button, with the CSRF token `consoleRoute` checks):
 * `available=true|false` through `setAgentAvailability` (supervisors and admins; 403 otherwise, 404 for another
 * store's or an unknown agent), then back to the queue page. Any other value is a 400 page naming `available`.
 */
export const handler = consoleRoute(ports, async ({ dependencies, user, locale, pathParameters, fields }) => {
  const value = (fields as Record<string, unknown> | undefined)?.available;
  if (value !== 'true' && value !== 'false') {
    const words = QUEUE_WORDS[locale];
    return consoleHtml(400, consoleMessagePage(locale, words.badFilterTitle, words.badFilter('available')));
  }
  await setAgentAvailability(dependencies, user, pathParameters.agentId ?? '', value === 'true');
  return seeOther('/console');
});
