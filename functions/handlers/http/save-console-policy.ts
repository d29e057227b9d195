import { saveAdminForm } from '../../http/console/admin-form-save.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { validate } from '../../http/validation.js';
import { POLICY_FORM_FIELDS, policyBodyFromForm, policyFormValues } from '../../pages/console/admin/policy-form.js';
import { policyPageBody } from '../../pages/console/admin/policy-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { policyBodySchema } from '../../schemas/admin-requests.js';
import { getPolicy, putPolicy } from '../../use-cases/admin/manage-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('saveConsolePolicy', { stores: awsStores, consoleSessions: awsConsoleSessions });

/**
 * POST /console/admin/policy (admins; CSRF token and same origin checked by `consoleRoute`): the form's policy through
 * `PUT /v1/admin/policy`'s schema and use case, conditional on the version the form showed. Saved: 303 back with a
 * notice. Refused: the form again with what was typed and each error beside its field (400), or the saved policy (409).
 */
export const handler = consoleRoute(ports, (request) => {
  const { dependencies, user, locale, csrfToken } = request;
  const context = { locale, csrfToken, typeNames: CONSOLE_WORDS[locale].types };
  return saveAdminForm(request, {
    fields: POLICY_FORM_FIELDS,
    savedPath: '/console/admin/policy',
    title: ADMIN_WORDS[locale].policy.title,
    save: (posted) =>
      putPolicy(dependencies, user.storeId, validate(policyBodySchema, policyBodyFromForm(posted), 'body')),
    saved: async () => policyFormValues(await getPolicy(dependencies, user.storeId)),
    render: (values, errors, notice) => policyPageBody(context, values, errors, notice),
  });
});
