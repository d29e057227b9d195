import { refusedUnless } from '../../http/console/console-access.js';
import { seeOther } from '../../http/console/console-request.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { formValuesOf, refusedSave } from '../../http/console/form-outcome.js';
import { validate } from '../../http/validation.js';
import { STORE_FORM_FIELDS, storeFormValues, storePatchFromForm } from '../../pages/console/admin/store-form.js';
import { storePageBody } from '../../pages/console/admin/store-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { storeProfilePatchSchema } from '../../schemas/store-requests.js';
import { getStoreProfile, patchStoreProfile } from '../../use-cases/admin/manage-store-profile.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('saveConsoleStoreProfile', {
  stores: awsStores,
  workQueue: awsWorkQueue,
  consoleSessions: awsConsoleSessions,
});

/**
 * POST /console/admin (admins): the form as a merge patch through `PATCH /v1/admin/store`'s schema and use case,
 * conditional on the version shown. Saved: 303 back with a notice; refused: the form again (400 as typed, 409 as saved).
 */
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const posted = formValuesOf(request.fields);
  try {
    const patch = validate(storeProfilePatchSchema, storePatchFromForm(posted), 'body');
    await patchStoreProfile(dependencies, user.storeId, patch);
    return seeOther('/console/admin?saved=1');
  } catch (error) {
    const { statusCode, errors, notice } = refusedSave(error, STORE_FORM_FIELDS, locale);
    const values = statusCode === 409 ? storeFormValues(await getStoreProfile(dependencies, user.storeId)) : posted;
    const body = storePageBody(locale, request.csrfToken, values, errors, notice);
    return consoleHtml(statusCode, consolePage(request, ADMIN_WORDS[locale].store.title, body));
  }
});
