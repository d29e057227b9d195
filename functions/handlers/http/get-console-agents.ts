import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { savedNotice } from '../../http/console/form-outcome.js';
import { NEW_AGENT_VALUES } from '../../pages/console/admin/agent-form.js';
import { agentsPageBody } from '../../pages/console/admin/agents-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { listAgents } from '../../use-cases/admin/manage-agents.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsAgents } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleAgents', { agents: awsAgents, consoleSessions: awsConsoleSessions });

/** GET /console/admin/agents (admins): the store's agents with their load, and the form that adds one. */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const agents = await listAgents(dependencies, user.storeId);
  const added = request.query.added;
  const notice = added
    ? { kind: 'saved' as const, text: ADMIN_WORDS[locale].agents.added(added) }
    : savedNotice(request.query);
  const context = { locale, csrfToken: request.csrfToken, typeNames: CONSOLE_WORDS[locale].types };
  const body = agentsPageBody(context, agents, NEW_AGENT_VALUES, {}, notice);
  return consoleHtml(200, consolePage(request, ADMIN_WORDS[locale].agents.title, body));
});
