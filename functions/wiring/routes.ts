import type { StaffRole } from '../domain/staff.js';
import type { Capabilities } from './capabilities.js';
import { ROUTE_ROLES } from './route-roles.js';

/**
 * The HTTP API, declared once. The CDK stack builds API Gateway resources, methods and one Lambda function per route
 * from it; the local server routes requests to the same handler modules with the same auth rules.
 */
export type AuthKind =
  /** Storefront: `x-api-key` decides the store (API Gateway API key + usage plan in AWS). */
  | 'apiKey'
  /** Signed-in staff: `Authorization: Bearer <JWT>` (Cognito user pool authorizer in AWS); `roles` says who. */
  | 'staff'
  /** Anyone: published documents, and the survey page (its signed token in the path is the credential). */
  | 'public'
  /**
   * The staff console's pages: no gateway authorizer; the function checks the signed session cookie (`consoleRoute`,
   * functions/http/console/console-route.ts: no session is a 303 to the sign-in page, a post without its CSRF token a
   * 403). Declares `consoleSessions: true` and `kind: 'page'`.
   */
  | 'console';

/**
 * What a route answers with: `json` (the API: JSON bodies and JSON errors), or `page` (server-rendered HTML for people:
 * form posts or JSON accepted, errors as localized HTML pages; see `functions/http/page-route.ts`).
 */
export type RouteKind = 'json' | 'page';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDeclaration {
  /** Stable name: the Lambda function's id, the OpenAPI operationId. */
  name: string;
  method: HttpMethod;
  /** API Gateway resource path, `{param}` for path parameters. */
  path: string;
  auth: AuthKind;
  /** For `staff` routes: the groups allowed (403 for the others). */
  roles?: readonly StaffRole[];
  /** Handler module under `functions/handlers/http/`, without extension; it exports `handler`. */
  handler: string;
  summary: string;
  capabilities: Capabilities;
  /** `json` when absent. */
  kind?: RouteKind;
  /** Takes an `Idempotency-Key` header (intake's records and rules): documented in the OpenAPI document. */
  idempotencyKey?: true;
}

/**
 * Actions that move agent load (resolve, cancel, assign, an agent's capacity): the freed capacity is offered to the
 * waiting cases by an `offerCapacity` job on the work queue, just after the answer (`offerFreedCapacity`); should the
 * queue refuse it, the waiting cases get it at their next SLA step. Their emails are outbox items written with the
 * action and sent by the queue's consumer (or the outbox sweep), so none of them carries a mailer.
 */
const ASSIGNMENT_CHANGING = {
  tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
  workflow: ['signal'],
  workQueue: true,
} as const satisfies Capabilities;

const DECLARED_ROUTES = [
  {
    name: 'createCase',
    method: 'POST',
    path: '/v1/cases',
    auth: 'apiKey',
    handler: 'create-case',
    summary: 'File an after-sales request; it is reviewed against the store policy at once.',
    idempotencyKey: true,
    // Files sent with it must be reported uploaded under the store (and are claimed for the case in its write).
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'readWrite', idempotency: 'readWrite' },
      workflow: ['start'],
      uploads: 'read',
    },
  },
  {
    name: 'listCases',
    method: 'GET',
    path: '/v1/cases',
    auth: 'apiKey',
    handler: 'list-cases',
    summary: "A customer's cases in this store, newest first.",
    capabilities: { tables: { cases: 'read', stores: 'read' } },
  },
  {
    name: 'getCase',
    method: 'GET',
    path: '/v1/cases/{caseId}',
    auth: 'apiKey',
    handler: 'get-case',
    summary: "The customer's view of a case: status, decision, public timeline.",
    capabilities: { tables: { cases: 'read', stores: 'read' } },
  },
  {
    name: 'checkEligibility',
    method: 'POST',
    path: '/v1/eligibility',
    auth: 'apiKey',
    handler: 'check-eligibility',
    summary: 'The policy decision a case with this body would get; nothing is stored.',
    capabilities: { tables: { cases: 'read', stores: 'read' }, uploads: 'read' },
  },
  {
    name: 'createAttachment',
    method: 'POST',
    path: '/v1/attachments',
    auth: 'apiKey',
    handler: 'create-attachment',
    summary: 'A short-lived upload URL for one evidence file (images or PDF, 10 MB at most).',
    capabilities: { tables: { stores: 'read' }, attachments: 'presign' },
  },
  {
    name: 'postCustomerMessage',
    method: 'POST',
    path: '/v1/cases/{caseId}/messages',
    auth: 'apiKey',
    handler: 'post-customer-message',
    summary: "The customer's reply; resumes a case that awaits the customer.",
    idempotencyKey: true,
    // A message on a resolved case reopens it (the agent's load taken again); after the reopen window, or on a closed
    // case, it files a new case linked to the old one (case number, workflow start). Files sent with it must exist.
    // An Idempotency-Key is recorded with the message's write, as intake's.
    capabilities: {
      tables: {
        cases: 'readWrite',
        kpis: 'readWrite',
        stores: 'readWrite',
        agents: 'readWrite',
        idempotency: 'readWrite',
      },
      workflow: ['start', 'signal'],
      uploads: 'read',
      workQueue: true,
    },
  },
  {
    name: 'cancelCase',
    method: 'POST',
    path: '/v1/cases/{caseId}/cancel',
    auth: 'apiKey',
    handler: 'cancel-case',
    summary: 'Cancel a case before it is resolved (409 after).',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'listStaffCases',
    method: 'GET',
    path: '/v1/staff/cases',
    auth: 'staff',
    roles: ROUTE_ROLES.listStaffCases,
    handler: 'list-staff-cases',
    summary:
      'A work queue (assignee=me|unassigned|<agentId>, status), most urgent first; failed=true: failed workflows; ' +
      'or a search by caseNumber, orderId or customerEmail, newest first.',
    // The email search reads the index keyed by the customer's address: this route only.
    capabilities: { tables: { cases: 'read' }, personalDataIndexes: ['byCustomerEmail'] },
  },
  {
    name: 'getStaffCaseByNumber',
    method: 'GET',
    path: '/v1/staff/cases/by-number/{caseNumber}',
    auth: 'staff',
    roles: ROUTE_ROLES.getStaffCaseByNumber,
    handler: 'get-staff-case-by-number',
    summary: 'The case with the number customers quote (e.g. AS-20261207-0001), as GET /v1/staff/cases/{caseId}.',
    capabilities: { tables: { cases: 'read', stores: 'read' } },
  },
  {
    name: 'getStaffCase',
    method: 'GET',
    path: '/v1/staff/cases/{caseId}',
    auth: 'staff',
    roles: ROUTE_ROLES.getStaffCase,
    handler: 'get-staff-case',
    summary: 'Everything about a case: full timeline, internal notes, classification, assignment, SLA fields.',
    capabilities: { tables: { cases: 'read', stores: 'read' } },
  },
  {
    name: 'getCaseAttachment',
    method: 'GET',
    path: '/v1/staff/cases/{caseId}/attachments/{attachmentId}',
    auth: 'staff',
    roles: ROUTE_ROLES.getCaseAttachment,
    handler: 'get-case-attachment',
    summary: "A download URL, valid a few minutes, for one of the case's evidence files.",
    capabilities: { tables: { cases: 'read' }, attachments: 'read' },
  },
  {
    name: 'replyToCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/replies',
    auth: 'staff',
    roles: ROUTE_ROLES.replyToCase,
    handler: 'reply-to-case',
    summary:
      'A public reply, emailed to the customer with the names of its files; the first one is the first response.',
    // Files sent with it must be reported uploaded under the store (and are claimed for the case in its write).
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' },
      workflow: ['signal'],
      workQueue: true,
      uploads: 'read',
    },
  },
  {
    name: 'addCaseNote',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/notes',
    auth: 'staff',
    roles: ROUTE_ROLES.addCaseNote,
    handler: 'add-case-note',
    summary: 'An internal note; never shown to the customer.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' } },
  },
  {
    name: 'changeCaseStatus',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/status',
    auth: 'staff',
    roles: ROUTE_ROLES.changeCaseStatus,
    handler: 'change-case-status',
    summary: 'Wait for the customer (awaiting_customer, emailed) or back to in_progress.',
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' },
      workflow: ['signal'],
      workQueue: true,
    },
  },
  {
    name: 'resolveCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/resolve',
    auth: 'staff',
    roles: ROUTE_ROLES.resolveCase,
    handler: 'resolve-case',
    summary: 'Resolve with a resolution type, root cause and summary; the customer is emailed.',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'decideResolutionApproval',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/resolution-approval',
    auth: 'staff',
    roles: ROUTE_ROLES.decideResolutionApproval,
    handler: 'decide-resolution-approval',
    summary:
      "Approve (the case is resolved with it, as a resolve would) or decline an agent's resolution above the auto-approve limit.",
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'reclassifyCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/classification',
    auth: 'staff',
    roles: ROUTE_ROLES.reclassifyCase,
    handler: 'reclassify-case',
    summary: 'Override severity and urgency (and so the priority), with a reason.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['signal'] },
  },
  {
    name: 'getKpiReport',
    method: 'GET',
    path: '/v1/reports/kpis',
    auth: 'staff',
    roles: ROUTE_ROLES.getKpiReport,
    handler: 'get-kpi-report',
    summary:
      "The store's KPIs per week, month or quarter beside its targets: JSON, CSV (Accept: text/csv or format=csv) or the chart page (Accept: text/html or format=html).",
    capabilities: { tables: { kpis: 'read', stores: 'read' } },
  },
  {
    name: 'getCsatReport',
    method: 'GET',
    path: '/v1/reports/csat',
    auth: 'staff',
    roles: ROUTE_ROLES.getCsatReport,
    handler: 'get-csat-report',
    summary:
      'Satisfaction over a range by dimension, agent, type and root cause, with the answers and comments (paged).',
    capabilities: { tables: { kpis: 'read', stores: 'read' } },
  },
  {
    name: 'exportCases',
    method: 'GET',
    path: '/v1/reports/cases.csv',
    auth: 'staff',
    roles: ROUTE_ROLES.exportCases,
    handler: 'export-cases',
    summary: 'One CSV line per case received in the range (paged: X-Next-Token); no customer contact data.',
    capabilities: { tables: { kpis: 'read', stores: 'read' } },
  },
  {
    name: 'retryCaseWorkflow',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/workflow/retry',
    auth: 'staff',
    roles: ROUTE_ROLES.retryCaseWorkflow,
    handler: 'retry-case-workflow',
    summary: 'Restart a failed case workflow from where the case stands (a new execution); 409 when none failed.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['start'] },
  },
  {
    name: 'assignCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/assign',
    auth: 'staff',
    roles: ROUTE_ROLES.assignCase,
    handler: 'assign-case',
    summary: 'Assign or reassign a case to an agent.',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'reviewCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/review',
    auth: 'staff',
    roles: ROUTE_ROLES.reviewCase,
    handler: 'review-case',
    summary: 'Approve or reject a case waiting for manual review.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['signal'] },
  },
  {
    name: 'completeRevisit',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/revisit',
    auth: 'staff',
    roles: ROUTE_ROLES.completeRevisit,
    handler: 'complete-revisit',
    summary:
      'Complete the follow-up: ok closes the case, recurred reopens it (back to the agent, a new resolution clock).',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'listAgents',
    method: 'GET',
    path: '/v1/admin/agents',
    auth: 'staff',
    roles: ROUTE_ROLES.listAgents,
    handler: 'list-agents',
    summary: "The store's agent directory with each agent's current load.",
    capabilities: { tables: { agents: 'read' } },
  },
  {
    name: 'createAgent',
    method: 'POST',
    path: '/v1/admin/agents',
    auth: 'staff',
    roles: ROUTE_ROLES.createAgent,
    handler: 'create-agent',
    summary: 'Add an agent: skills, capacity, availability, supervisor.',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'updateAgent',
    method: 'PUT',
    path: '/v1/admin/agents/{agentId}',
    auth: 'staff',
    roles: ROUTE_ROLES.updateAgent,
    handler: 'update-agent',
    summary: "Change an agent's profile; waiting cases are assigned when capacity frees up.",
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'patchAgent',
    method: 'PATCH',
    path: '/v1/admin/agents/{agentId}',
    auth: 'staff',
    roles: ROUTE_ROLES.patchAgent,
    handler: 'patch-agent',
    summary:
      "Change only the fields sent (JSON Merge Patch; supervisorId null removes it), conditional on the agent's version.",
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'getPolicy',
    method: 'GET',
    path: '/v1/admin/policy',
    auth: 'staff',
    roles: ROUTE_ROLES.getPolicy,
    handler: 'get-policy',
    summary: "The store's auto-review and classification policy.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'putPolicy',
    method: 'PUT',
    path: '/v1/admin/policy',
    auth: 'staff',
    roles: ROUTE_ROLES.putPolicy,
    handler: 'put-policy',
    summary: 'Replace the policy; the version goes up by one and new decisions record it.',
    capabilities: { tables: { stores: 'readWrite' } },
  },
  {
    name: 'getSlaPolicy',
    method: 'GET',
    path: '/v1/admin/sla',
    auth: 'staff',
    roles: ROUTE_ROLES.getSlaPolicy,
    handler: 'get-sla-policy',
    summary: "The store's SLA policy: business calendar, targets per priority, escalation, survey and revisit delays.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'putSlaPolicy',
    method: 'PUT',
    path: '/v1/admin/sla',
    auth: 'staff',
    roles: ROUTE_ROLES.putSlaPolicy,
    handler: 'put-sla-policy',
    summary: "Replace the SLA policy; the version goes up by one and open cases' deadlines follow it from now on.",
    // Answers once saved; the open cases are re-timed just after by a `retimeOpenCases` job on the work queue.
    capabilities: { tables: { stores: 'readWrite' }, workQueue: true },
  },
  {
    name: 'getStoreProfile',
    method: 'GET',
    path: '/v1/admin/store',
    auth: 'staff',
    roles: ROUTE_ROLES.getStoreProfile,
    handler: 'get-store-profile',
    summary: "The store's profile: name, timezone, locale, supervisor and admin emails, case-number prefix, windows.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'putStoreProfile',
    method: 'PUT',
    path: '/v1/admin/store',
    auth: 'staff',
    roles: ROUTE_ROLES.putStoreProfile,
    handler: 'put-store-profile',
    summary: 'Replace the store profile; the version goes up by one. A new prefix applies to cases filed after it.',
    // A timezone change moves the default SLA calendar: open cases are re-timed, like after an SLA policy change.
    capabilities: { tables: { stores: 'readWrite' }, workQueue: true },
  },
  {
    name: 'patchStoreProfile',
    method: 'PATCH',
    path: '/v1/admin/store',
    auth: 'staff',
    roles: ROUTE_ROLES.patchStoreProfile,
    handler: 'patch-store-profile',
    summary:
      'Change only the fields sent (JSON Merge Patch), merged onto the stored profile in one write conditional on its version.',
    // As PUT: a timezone change re-times the open cases of a store on the default SLA policy.
    capabilities: { tables: { stores: 'readWrite' }, workQueue: true },
  },
  {
    name: 'rotateApiKey',
    method: 'POST',
    path: '/v1/admin/store/api-keys',
    auth: 'staff',
    roles: ROUTE_ROLES.rotateApiKey,
    handler: 'rotate-api-key',
    summary: 'Issue a new storefront API key (shown once); the previous one keeps working for the overlap (P1D).',
    // In AWS the new key must also be an API Gateway API key in the storefront usage plan.
    capabilities: { tables: { stores: 'readWrite' }, storefrontKeys: 'register' },
  },
  {
    name: 'listApiKeys',
    method: 'GET',
    path: '/v1/admin/store/api-keys',
    auth: 'staff',
    roles: ROUTE_ROLES.listApiKeys,
    handler: 'list-api-keys',
    summary:
      "The store's storefront keys: id, created, expiry, state (current, overlap, retired, revoked); never a key.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'revokeApiKey',
    method: 'DELETE',
    path: '/v1/admin/store/api-keys/{keyId}',
    auth: 'staff',
    roles: ROUTE_ROLES.revokeApiKey,
    handler: 'revoke-api-key',
    summary: 'End a replaced key at once (401 from then on); the current key cannot be revoked (409): rotate it.',
    // The gateway key is disabled by the retireGatewayKeys schedule, within a minute.
    capabilities: { tables: { stores: 'readWrite' } },
  },
  {
    name: 'getSurvey',
    method: 'GET',
    path: '/survey/{token}',
    auth: 'public',
    kind: 'page',
    handler: 'get-survey',
    summary: 'The satisfaction survey page of a signed link; opening it records nothing (mail scanners open links).',
    capabilities: { tables: { cases: 'read', stores: 'read' }, surveyLinks: true },
  },
  {
    name: 'answerSurvey',
    method: 'POST',
    path: '/survey/{token}',
    auth: 'public',
    kind: 'page',
    handler: 'answer-survey',
    summary: 'Record the survey answer, once (a second post is 410); a form post or JSON.',
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' },
      workflow: ['signal'],
      surveyLinks: true,
    },
  },
  {
    name: 'getConsoleQueue',
    method: 'GET',
    path: '/console',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-queue',
    summary:
      "The staff console's queue page: the user's lists (filters, search, paging); supervisors' lists and agents board.",
    capabilities: { tables: { cases: 'read', agents: 'read', stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'setConsoleAgentAvailability',
    method: 'POST',
    path: '/console/agents/{agentId}/availability',
    auth: 'console',
    kind: 'page',
    handler: 'set-console-agent-availability',
    summary: "The agents board's toggle (supervisors and admins): an agent on or off shift; then the queue page.",
    capabilities: { ...ASSIGNMENT_CHANGING, consoleSessions: true },
  },
  {
    name: 'startConsoleSignIn',
    method: 'GET',
    path: '/console/sign-in',
    auth: 'public',
    kind: 'page',
    handler: 'start-console-sign-in',
    summary:
      "Staff console sign-in in AWS: off to the user pool's managed login (authorization code with PKCE). The local " +
      'stack serves this path itself (a list of its users), ahead of this declaration.',
    capabilities: { consoleSessions: true },
  },
  {
    name: 'completeConsoleSignIn',
    method: 'GET',
    path: '/console/auth/callback',
    auth: 'public',
    kind: 'page',
    handler: 'complete-console-sign-in',
    summary:
      "The managed login's return: checks the state, redeems the code, verifies the ID token; the console session.",
    capabilities: { consoleSessions: true },
  },
  {
    name: 'signOutOfConsole',
    method: 'POST',
    path: '/console/sign-out',
    auth: 'console',
    kind: 'page',
    handler: 'sign-out-of-console',
    summary: 'End the console session (a form post with the CSRF token); then the sign-in page.',
    capabilities: { consoleSessions: true },
  },
  // The console's reports (supervisors, admins): the report API's use cases for the session cookie (see the handlers).
  {
    name: 'getConsoleKpiReport',
    method: 'GET',
    path: '/console/reports',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-kpi-report',
    summary: 'The KPI chart page (or ?format=csv) as GET /v1/reports/kpis, for the console session.',
    capabilities: { tables: { kpis: 'read', stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'getConsoleCsatReport',
    method: 'GET',
    path: '/console/reports/csat',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-csat-report',
    summary: 'The CSAT report as a page (GET /v1/reports/csat), for the console session.',
    capabilities: { tables: { kpis: 'read', stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'exportConsoleCases',
    method: 'GET',
    path: '/console/reports/cases.csv',
    auth: 'console',
    kind: 'page',
    handler: 'export-console-cases',
    summary: 'The per-case CSV (GET /v1/reports/cases.csv), downloaded with the console session.',
    capabilities: { tables: { kpis: 'read', stores: 'read' }, consoleSessions: true },
  },
  // The console's admin pages (admins; others get a 403 page) call the admin API's use cases with its schemas.
  {
    name: 'getConsoleStoreProfile',
    method: 'GET',
    path: '/console/admin',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-store-profile',
    summary: 'The store profile as a form: the first admin page (admins).',
    capabilities: { tables: { stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'saveConsoleStoreProfile',
    method: 'POST',
    path: '/console/admin',
    auth: 'console',
    kind: 'page',
    handler: 'save-console-store-profile',
    summary: 'Save the store form as PATCH /v1/admin/store does, conditional on the version shown.',
    capabilities: { tables: { stores: 'readWrite' }, workQueue: true, consoleSessions: true },
  },
  {
    name: 'getConsoleApiKeys',
    method: 'GET',
    path: '/console/admin/api-keys',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-api-keys',
    summary: "The store's storefront keys (ids and states, never a key) and the form that issues a new one (admins).",
    capabilities: { tables: { stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'rotateConsoleApiKey',
    method: 'POST',
    path: '/console/admin/api-keys',
    auth: 'console',
    kind: 'page',
    handler: 'rotate-console-api-key',
    summary: 'Issue a new storefront key as POST /v1/admin/store/api-keys does; the page shows it once (no-store).',
    capabilities: { tables: { stores: 'readWrite' }, storefrontKeys: 'register', consoleSessions: true },
  },
  {
    name: 'getConsolePolicy',
    method: 'GET',
    path: '/console/admin/policy',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-policy',
    summary:
      'The auto-review and classification policy (windows, evidence, thresholds, priority matrix) as a form (admins).',
    capabilities: { tables: { stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'saveConsolePolicy',
    method: 'POST',
    path: '/console/admin/policy',
    auth: 'console',
    kind: 'page',
    handler: 'save-console-policy',
    summary:
      'Save the policy form as PUT /v1/admin/policy does, conditional on the version shown; errors beside the fields.',
    capabilities: { tables: { stores: 'readWrite' }, consoleSessions: true },
  },
  {
    name: 'getConsoleSlaPolicy',
    method: 'GET',
    path: '/console/admin/sla',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-sla-policy',
    summary: 'The SLA policy and business calendar (hours, holidays, make-up workdays) as a form (admins).',
    capabilities: { tables: { stores: 'read' }, consoleSessions: true },
  },
  {
    name: 'saveConsoleSlaPolicy',
    method: 'POST',
    path: '/console/admin/sla',
    auth: 'console',
    kind: 'page',
    handler: 'save-console-sla-policy',
    summary: 'Save the SLA form as PUT /v1/admin/sla does, conditional on the version shown; errors beside the fields.',
    capabilities: { tables: { stores: 'readWrite' }, workQueue: true, consoleSessions: true },
  },
  {
    name: 'getConsoleAgents',
    method: 'GET',
    path: '/console/admin/agents',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-agents',
    summary: "The store's agents with their load, and the form that adds one (admins).",
    capabilities: { tables: { agents: 'read' }, consoleSessions: true },
  },
  {
    name: 'addConsoleAgent',
    method: 'POST',
    path: '/console/admin/agents',
    auth: 'console',
    kind: 'page',
    handler: 'add-console-agent',
    summary: 'Add the agent of the form as POST /v1/admin/agents does; the agent can then sign in.',
    capabilities: { ...ASSIGNMENT_CHANGING, consoleSessions: true },
  },
  {
    name: 'getConsoleAgent',
    method: 'GET',
    path: '/console/admin/agents/{agentId}',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-agent',
    summary: "One agent's edit form: skills, capacity, availability, supervisor (admins).",
    capabilities: { tables: { agents: 'read' }, consoleSessions: true },
  },
  {
    name: 'saveConsoleAgent',
    method: 'POST',
    path: '/console/admin/agents/{agentId}',
    auth: 'console',
    kind: 'page',
    handler: 'save-console-agent',
    summary: "Save the agent's form as PATCH /v1/admin/agents/{agentId} does, conditional on the version shown.",
    capabilities: { ...ASSIGNMENT_CHANGING, consoleSessions: true },
  },
  {
    name: 'getConsoleCase',
    method: 'GET',
    path: '/console/cases/{caseId}',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-case',
    summary:
      "The console's case page: SLA clocks, customer, order, files, conversation, timeline, survey rounds, and the forms of the actions the role may take.",
    // The staff view (with the store's SLA) and the agents to assign to. Thumbnails load through
    // `getConsoleCaseAttachment` (a 303 to a signed link), so this function reads no file.
    capabilities: {
      tables: { cases: 'read', stores: 'read', agents: 'read' },
      consoleSessions: true,
    },
  },
  {
    name: 'takeConsoleCaseAction',
    method: 'POST',
    path: '/console/cases/{caseId}',
    auth: 'console',
    kind: 'page',
    handler: 'take-console-case-action',
    summary:
      "A case page form (reply, note, status, resolve, assign, reclassify, review, approval, revisit, retry) by the staff API's use case; then 303 back to the page.",
    // Every action's use case (the staff routes' capabilities together), and the page again when a form fails.
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
      workflow: ['signal', 'start'],
      workQueue: true,
      // Reply files must be reported uploaded under the store, as the staff API's reply checks.
      uploads: 'read',
      consoleSessions: true,
    },
  },
  {
    name: 'getConsoleCaseAttachment',
    method: 'GET',
    path: '/console/cases/{caseId}/attachments/{attachmentId}',
    auth: 'console',
    kind: 'page',
    handler: 'get-console-case-attachment',
    summary: "One of the case's files: a 303 to a download link valid a few minutes (the staff API's use case).",
    capabilities: { tables: { cases: 'read' }, attachments: 'read', consoleSessions: true },
  },
  {
    name: 'pollConsoleCase',
    method: 'GET',
    path: '/console/cases/{caseId}/live',
    auth: 'console',
    kind: 'page',
    handler: 'poll-console-case',
    summary:
      "The case page's poll (JSON): records the caller viewing or replying, answers the customer's message count and who else is there.",
    capabilities: { tables: { cases: 'read', presence: 'readWrite' }, consoleSessions: true },
  },
  {
    name: 'getConsoleAsset',
    method: 'GET',
    path: '/console/assets/{file}',
    auth: 'public',
    kind: 'page',
    handler: 'get-console-asset',
    summary: "The console's static files (the case page's script), named by their hash and cached for good.",
    capabilities: {},
  },
  {
    name: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    handler: 'get-openapi',
    summary: 'This API as an OpenAPI 3.1 document, generated from the request schemas.',
    capabilities: {},
  },
] as const satisfies readonly RouteDeclaration[];

export const ROUTES: readonly RouteDeclaration[] = DECLARED_ROUTES;

/** Each route as written, its capabilities as literal types (`GrantedPorts` reads them). */
export type DeclaredRoute = (typeof DECLARED_ROUTES)[number];
