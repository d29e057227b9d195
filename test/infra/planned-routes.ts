import type { Capabilities } from '../../functions/wiring/capabilities.js';
import type { HttpMethod, RouteDeclaration } from '../../functions/wiring/routes.js';
import type { ScheduleDeclaration } from '../../functions/wiring/schedules.js';

/**
 * The routes and background functions the open issues plan (docs "Next wave": staff console pages, webhooks, customer
 * data, channels, answers to common questions), declared like the product's with the capabilities they will need.
 * Test-only: added to the product's routes to check the stacks keep room for them. The handler modules are existing
 * ones (the templates are synthesized without bundling; only the entry file must exist).
 */
const ANY_ROUTE_HANDLER = 'list-cases';
const ANY_SCHEDULE_HANDLER = 'start-stranded-workflows';

const CASE_WORK: Capabilities = {
  tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
  workflow: ['signal'],
  mailer: true,
  workQueue: true,
};
const STORE_SETTINGS: Capabilities = { tables: { stores: 'readWrite' } };
const WEBHOOKS: Capabilities = { tables: { stores: 'readWrite' }, workQueue: true };
const CUSTOMER_EXPORT: Capabilities = { tables: { cases: 'read', stores: 'read' }, attachments: 'read' };
const CUSTOMER_ERASE: Capabilities = {
  tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' },
  workflow: ['signal'],
  attachments: 'presign',
};
const ANSWERS: Capabilities = { tables: { stores: 'read', kpis: 'readWrite' } };

const route = (
  name: string,
  method: HttpMethod,
  path: string,
  auth: RouteDeclaration['auth'],
  capabilities: Capabilities,
  kind?: RouteDeclaration['kind'],
): RouteDeclaration => ({
  name,
  method,
  path,
  auth,
  handler: ANY_ROUTE_HANDLER,
  summary: `Planned: ${method} ${path}`,
  capabilities,
  ...(kind ? { kind } : {}),
});

export const PLANNED_ROUTES: readonly RouteDeclaration[] = [
  route('consoleAdminWebhooks', 'GET', '/console/admin/webhooks', 'console', WEBHOOKS, 'page'),
  route('consoleAdminArticles', 'GET', '/console/admin/articles', 'console', STORE_SETTINGS, 'page'),
  // Webhooks to the storefront (admin)
  route('createWebhook', 'POST', '/v1/admin/webhooks', 'staff', WEBHOOKS),
  route('listWebhooks', 'GET', '/v1/admin/webhooks', 'staff', WEBHOOKS),
  route('getWebhook', 'GET', '/v1/admin/webhooks/{webhookId}', 'staff', WEBHOOKS),
  route('putWebhook', 'PUT', '/v1/admin/webhooks/{webhookId}', 'staff', WEBHOOKS),
  route('deleteWebhook', 'DELETE', '/v1/admin/webhooks/{webhookId}', 'staff', WEBHOOKS),
  route('rotateWebhookSecret', 'POST', '/v1/admin/webhooks/{webhookId}/rotate-secret', 'staff', WEBHOOKS),
  route('listWebhookDeliveries', 'GET', '/v1/admin/webhooks/{webhookId}/deliveries', 'staff', WEBHOOKS),
  route(
    'replayWebhookDelivery',
    'POST',
    '/v1/admin/webhooks/{webhookId}/deliveries/{messageId}/replay',
    'staff',
    WEBHOOKS,
  ),
  // Customer data
  route('exportCustomer', 'GET', '/v1/customers/{customerId}/export', 'apiKey', CUSTOMER_EXPORT),
  route('eraseCustomer', 'POST', '/v1/customers/{customerId}/erase', 'apiKey', CUSTOMER_ERASE),
  route('adminExportCustomer', 'GET', '/v1/admin/customers/{customerId}/export', 'staff', CUSTOMER_EXPORT),
  route('adminEraseCustomer', 'POST', '/v1/admin/customers/{customerId}/erase', 'staff', CUSTOMER_ERASE),
  route('getAccessLog', 'GET', '/v1/admin/access-log', 'staff', { tables: { cases: 'read' } }),
  // Channels
  route('fileStaffCase', 'POST', '/v1/staff/cases', 'staff', {
    tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'readWrite', idempotency: 'readWrite' },
    workflow: ['start'],
  }),
  route('emailThirdParty', 'POST', '/v1/staff/cases/{caseId}/parties', 'staff', CASE_WORK),
  // Answers to common questions
  route('listArticles', 'GET', '/v1/admin/articles', 'staff', STORE_SETTINGS),
  route('createArticle', 'POST', '/v1/admin/articles', 'staff', STORE_SETTINGS),
  route('getArticleAdmin', 'GET', '/v1/admin/articles/{articleId}', 'staff', STORE_SETTINGS),
  route('putArticle', 'PUT', '/v1/admin/articles/{articleId}', 'staff', STORE_SETTINGS),
  route('deleteArticle', 'DELETE', '/v1/admin/articles/{articleId}', 'staff', STORE_SETTINGS),
  route('suggestAnswers', 'POST', '/v1/answers', 'apiKey', ANSWERS),
  route('getArticle', 'GET', '/v1/articles/{articleId}', 'apiKey', ANSWERS),
  route('answerFeedback', 'POST', '/v1/answers/{answerId}/feedback', 'apiKey', ANSWERS),
];

const schedule = (name: string, summary: string, capabilities: Capabilities): ScheduleDeclaration => ({
  name,
  handler: ANY_SCHEDULE_HANDLER,
  everyMinutes: 1,
  summary: `Planned: ${summary}`,
  capabilities,
});

/** Background functions the same issues plan (webhook delivery, inbound email, retention). */
export const PLANNED_SCHEDULES: readonly ScheduleDeclaration[] = [
  schedule('deliverWebhooks', 'delivers and retries webhook messages', {
    tables: { stores: 'readWrite', cases: 'read' },
  }),
  schedule('fileInboundEmail', 'files inbound customer emails', {
    tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' },
    workflow: ['signal'],
    attachments: 'presign',
  }),
  schedule('anonymiseExpiredCases', 'anonymises closed cases past retention', {
    tables: { cases: 'readWrite', stores: 'read' },
    attachments: 'presign',
  }),
];
