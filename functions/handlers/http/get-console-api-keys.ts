import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { apiKeysPageBody } from '../../pages/console/admin/api-keys-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { listApiKeys } from '../../use-cases/admin/storefront-keys.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleApiKeys', { stores: awsStores, consoleSessions: awsConsoleSessions });

/** GET /console/admin/api-keys (admins): the store's storefront keys (ids and states, never a key) and the rotate form. */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const { keys } = await listApiKeys(dependencies, user.storeId);
  const body = apiKeysPageBody(locale, request.csrfToken, keys, {}, {}, undefined);
  return consoleHtml(200, consolePage(request, ADMIN_WORDS[locale].apiKeys.title, body));
});
