import { saveAdminForm } from '../../http/console/admin-form-save.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { validate } from '../../http/validation.js';
import { SLA_FORM_FIELDS, slaBodyFromForm, slaFormValues } from '../../pages/console/admin/sla-form.js';
import { slaPageBody } from '../../pages/console/admin/sla-page.js';
import { ADMIN_WORDS } from '../../pages/console/admin/admin-words.js';
import { slaPolicyBodySchema } from '../../schemas/admin-requests.js';
import { getSlaPolicy, putSlaPolicy } from '../../use-cases/admin/manage-sla-policy.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('saveConsoleSlaPolicy', {
  stores: awsStores,
  workQueue: awsWorkQueue,
  consoleSessions: awsConsoleSessions,
});

/**
 * POST /console/admin/sla (admins; CSRF token and same origin checked by `consoleRoute`): the form's policy through
 * `PUT /v1/admin/sla`'s schema and use case, conditional on the version the form showed. Saved: 303 back with a notice.
 * Refused: the form again with what was typed and each error beside its field (400), or the saved policy (409).
 */
export const handler = consoleRoute(ports, (request) => {
  const { dependencies, user, locale, csrfToken } = request;
  return saveAdminForm(request, {
    fields: SLA_FORM_FIELDS,
    savedPath: '/console/admin/sla',
    title: ADMIN_WORDS[locale].sla.title,
    save: (posted) =>
      putSlaPolicy(dependencies, user.storeId, validate(slaPolicyBodySchema, slaBodyFromForm(posted), 'body')),
    saved: async () => slaFormValues(await getSlaPolicy(dependencies, user.storeId)),
    render: (values, errors, notice) => slaPageBody(locale, csrfToken, values, errors, notice),
  });
});
