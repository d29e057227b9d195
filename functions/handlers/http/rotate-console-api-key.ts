import { refusedUnless } from '../../http/console/console-access.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { formValuesOf, refusedSave } from '../../http/console/form-outcome.js';
import { validate } from '../../http/validation.js';
import { API_KEY_FORM_FIELDS, apiKeysPageBody } from '../../pages/console/admin/api-keys-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { apiKeyRotationBodySchema } from '../../schemas/store-requests.js';
import { rotateApiKey } from '../../use-cases/admin/rotate-api-key.js';
import { listApiKeys } from '../../use-cases/admin/storefront-keys.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsStorefrontKeys } from '../../capabilities/storefront-keys/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('rotateConsoleApiKey', {
  stores: awsStores,
  storefrontKeys: awsStorefrontKeys,
  consoleSessions: awsConsoleSessions,
});

/**
 * POST /console/admin/api-keys (admins): issues a new storefront key through `POST /v1/admin/store/api-keys`'s schema
 * and use case and shows it on this answer only (200, `no-store`: no redirect, so the key is never in a URL or a
 * cached page). A bad overlap re-renders the form with its error; nothing is issued then.
 */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const posted = formValuesOf(request.fields);
  const overlap = (posted.overlap ?? '').trim();
  const title = ADMIN_WORDS[locale].apiKeys.title;
  try {
    const body = validate(apiKeyRotationBodySchema, overlap === '' ? {} : { overlap }, 'body');
    const issued = await rotateApiKey(dependencies, user.storeId, body);
    const { keys } = await listApiKeys(dependencies, user.storeId);
    const page = apiKeysPageBody(locale, request.csrfToken, keys, {}, {}, { kind: 'saved' }, issued);
    const response = consoleHtml(200, consolePage(request, title, page));
    return { ...response, headers: { ...response.headers, 'cache-control': 'no-store' } };
  } catch (error) {
    const { statusCode, errors, notice } = refusedSave(error, API_KEY_FORM_FIELDS, locale);
    const { keys } = await listApiKeys(dependencies, user.storeId);
    const page = apiKeysPageBody(locale, request.csrfToken, keys, posted, errors, notice);
    return consoleHtml(statusCode, consolePage(request, title, page));
  }
});
