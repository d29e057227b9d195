import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { savedNotice } from '../../http/console/form-outcome.js';
import { agentFormValues } from '../../pages/console/admin/agent-form.js';
import { agentPageBody } from '../../pages/console/admin/agents-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consoleMessagePage, consolePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { findAgent } from '../../use-cases/admin/manage-agents.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsAgents } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleAgent', { agents: awsAgents, consoleSessions: awsConsoleSessions });

/** GET /console/admin/agents/{agentId} (admins): one agent's edit form; 404 page for an agent not of the store. */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const words = ADMIN_WORDS[locale];
  const agent = await findAgent(dependencies, user.storeId, request.pathParameters.agentId ?? '');
  if (!agent) return consoleHtml(404, consoleMessagePage(locale, words.notFoundTitle, words.notFound));
  const context = { locale, csrfToken: request.csrfToken, typeNames: CONSOLE_WORDS[locale].types };
  const body = agentPageBody(context, agent, agentFormValues(agent), {}, savedNotice(request.query));
  return consoleHtml(200, consolePage(request, words.agents.editTitle(agent.name), body));
});
