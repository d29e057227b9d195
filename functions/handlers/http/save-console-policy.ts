import { refusedUnless } from '../../http/console/console-access.js';
import { seeOther } from '../../http/console/console-request.js';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { formValuesOf, refusedSave } from '../../http/console/form-outcome.js';
import { validate } from '../../http/validation.js';
import { POLICY_FORM_FIELDS, policyBodyFromForm, policyFormValues } from '../../pages/console/admin/policy-form.js';
import { policyPageBody } from '../../pages/console/admin/policy-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { consolePage } from '../../pages/console/console-layout.js';
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
export const handler = consoleRoute(ports, async (request) => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const { dependencies, user, locale } = request;
  const posted = formValuesOf(request.fields);
  try {
    await putPolicy(dependencies, user.storeId, validate(policyBodySchema, policyBodyFromForm(posted), 'body'));
    return seeOther('/console/admin/policy?saved=1');
  } catch (error) {
    const { statusCode, errors, notice } = refusedSave(error, POLICY_FORM_FIELDS, locale);
    const values = statusCode === 409 ? policyFormValues(await getPolicy(dependencies, user.storeId)) : posted;
    const context = { locale, csrfToken: request.csrfToken, typeNames: CONSOLE_WORDS[locale].types };
    const body = policyPageBody(context, values, errors, notice);
    return consoleHtml(statusCode, consolePage(request, ADMIN_WORDS[locale].policy.title, body));
  }
});
