import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { savedNotice } from '../../http/console/form-outcome.js';
import { policyFormValues } from '../../pages/console/admin/policy-form.js';
import { policyPageBody } from '../../pages/console/admin/policy-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { getPolicy } from '../../use-cases/admin/manage-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsolePolicy', { stores: awsStores, consoleSessions: awsConsoleSessions });

/** GET /console/admin/policy (admins): the auto-review and classification policy as a form, as `GET /v1/admin/policy` reads it. */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const values = policyFormValues(await getPolicy(dependencies, user.storeId));
  const context = { locale, csrfToken: request.csrfToken, typeNames: CONSOLE_WORDS[locale].types };
  const body = policyPageBody(context, values, {}, savedNotice(request.query));
  return consoleHtml(200, consolePage(request, ADMIN_WORDS[locale].policy.title, body));
});
