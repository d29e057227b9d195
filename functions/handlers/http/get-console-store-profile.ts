import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { savedNotice } from '../../http/console/form-outcome.js';
import { storeFormValues } from '../../pages/console/admin/store-form.js';
import { storePageBody } from '../../pages/console/admin/store-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { getStoreProfile } from '../../use-cases/admin/manage-store-profile.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleStoreProfile', { stores: awsStores, consoleSessions: awsConsoleSessions });

/** GET /console/admin (admins): the store profile as a form; the admin pages' first page (the nav's Admin). */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const values = storeFormValues(await getStoreProfile(dependencies, user.storeId));
  const body = storePageBody(locale, request.csrfToken, values, {}, savedNotice(request.query));
  return consoleHtml(200, consolePage(request, ADMIN_WORDS[locale].store.title, body));
});
