import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { savedNotice } from '../../http/console/form-outcome.js';
import { slaFormValues } from '../../pages/console/admin/sla-form.js';
import { slaPageBody } from '../../pages/console/admin/sla-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { getSlaPolicy } from '../../use-cases/admin/manage-sla-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleSlaPolicy', { stores: awsStores, consoleSessions: awsConsoleSessions });

/** GET /console/admin/sla (admins): the SLA policy and business calendar as a form, as `GET /v1/admin/sla` reads it. */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const values = slaFormValues(await getSlaPolicy(dependencies, user.storeId));
  const body = slaPageBody(locale, request.csrfToken, values, {}, savedNotice(request.query));
  return consoleHtml(200, consolePage(request, ADMIN_WORDS[locale].sla.title, body));
});
