import { refusedUnless } from '../../http/console/console-access.js';
import { seeOther } from '../../http/console/console-request.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { formValuesOf, refusedSave } from '../../http/console/form-outcome.js';
import { validate } from '../../http/validation.js';
import { AGENT_FORM_FIELDS, newAgentFromForm } from '../../pages/console/admin/agent-form.js';
import { agentsPageBody } from '../../pages/console/admin/agents-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { createAgentBodySchema } from '../../schemas/admin-requests.js';
import { createAgent, listAgents } from '../../use-cases/admin/manage-agents.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('addConsoleAgent', { ...ASSIGNMENT_CHANGING_ADAPTERS, consoleSessions: awsConsoleSessions });

/**
 * POST /console/admin/agents (admins): adds the agent of the form through `POST /v1/admin/agents`'s schema and use case.
 * Added: 303 to the list, which says so. Refused (a field, or an agent id taken: 409): the form again, as typed.
 */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const posted = formValuesOf(request.fields);
  try {
    const agent = await createAgent(
      dependencies,
      user.storeId,
      validate(createAgentBodySchema, newAgentFromForm(posted), 'body'),
    );
    return seeOther(`/console/admin/agents?added=${encodeURIComponent(agent.agentId)}`);
  } catch (error) {
    const outcome = refusedSave(error, AGENT_FORM_FIELDS, locale);
    // A taken id is the id field's problem, not a save by someone else.
    const errors = outcome.statusCode === 409 ? { agentId: (error as Error).message } : outcome.errors;
    const context = { locale, csrfToken: request.csrfToken, typeNames: CONSOLE_WORDS[locale].types };
    const agents = await listAgents(dependencies, user.storeId);
    const body = agentsPageBody(context, agents, posted, errors, { kind: 'error' });
    return consoleHtml(outcome.statusCode, consolePage(request, ADMIN_WORDS[locale].agents.title, body));
  }
});
