import { saveAdminForm } from '../../http/console/admin-form-save.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { validate } from '../../http/validation.js';
import { STORE_FORM_FIELDS, storeFormValues, storePatchFromForm } from '../../pages/console/admin/store-form.js';
import { storePageBody } from '../../pages/console/admin/store-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
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
export const handler = consoleRoute(ports, (request) => {
  const { dependencies, user, locale, csrfToken } = request;
  return saveAdminForm(request, {
    fields: STORE_FORM_FIELDS,
    savedPath: '/console/admin',
    title: ADMIN_WORDS[locale].store.title,
    save: (posted) =>
      patchStoreProfile(
        dependencies,
        user.storeId,
        validate(storeProfilePatchSchema, storePatchFromForm(posted), 'body'),
      ),
    saved: async () => storeFormValues(await getStoreProfile(dependencies, user.storeId)),
    render: (values, errors, notice) => storePageBody(locale, csrfToken, values, errors, notice),
  });
});
