import { refusedUnless } from '../../http/console/console-access.js';
import { seeOther } from '../../http/console/console-request.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { formValuesOf, refusedSave } from '../../http/console/form-outcome.js';
import { validate } from '../../http/validation.js';
import { AGENT_FORM_FIELDS, agentFormValues, agentPatchFromForm } from '../../pages/console/admin/agent-form.js';
import { agentPageBody } from '../../pages/console/admin/agents-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consoleMessagePage, consolePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { patchAgentBodySchema } from '../../schemas/admin-requests.js';
import { findAgent, patchAgent } from '../../use-cases/admin/manage-agents.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('saveConsoleAgent', { ...ASSIGNMENT_CHANGING_ADAPTERS, consoleSessions: awsConsoleSessions });

/**
 * POST /console/admin/agents/{agentId} (admins): the edit form as a merge patch through `PATCH /v1/admin/agents/{agentId}`'s
 * schema and use case, conditional on the version the form showed (409: the agent as saved, with a notice).
 */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const words = ADMIN_WORDS[locale];
  const agentId = request.pathParameters.agentId ?? '';
  const posted = formValuesOf(request.fields);
  try {
    await patchAgent(
      dependencies,
      user.storeId,
      agentId,
      validate(patchAgentBodySchema, agentPatchFromForm(posted), 'body'),
    );
    return seeOther(`/console/admin/agents/${encodeURIComponent(agentId)}?saved=1`);
  } catch (error) {
    const agent = await findAgent(dependencies, user.storeId, agentId);
    if (!agent) return consoleHtml(404, consoleMessagePage(locale, words.notFoundTitle, words.notFound));
    const { statusCode, errors, notice } = refusedSave(error, AGENT_FORM_FIELDS, locale);
    const context = { locale, csrfToken: request.csrfToken, typeNames: CONSOLE_WORDS[locale].types };
    const values = statusCode === 409 ? agentFormValues(agent) : { ...posted, version: posted.version ?? '' };
    const body = agentPageBody(context, agent, values, errors, notice);
    return consoleHtml(statusCode, consolePage(request, words.agents.editTitle(agent.name), body));
  }
});
