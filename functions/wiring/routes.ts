import type { StaffRole } from '../domain/staff.js';
import type { Capabilities } from './capabilities.js';

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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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

const ALL_STAFF: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];
const SUPERVISING: readonly StaffRole[] = ['supervisor', 'admin'];
const ADMIN: readonly StaffRole[] = ['admin'];

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
    // Files sent with it must be uploaded under the store (and are claimed for the case in its write).
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'readWrite', idempotency: 'readWrite' },
      workflow: ['start'],
      attachments: 'read',
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
    capabilities: { tables: { cases: 'read', stores: 'read' }, attachments: 'read' },
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
      attachments: 'read',
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
    roles: ALL_STAFF,
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
    roles: ALL_STAFF,
    handler: 'get-staff-case-by-number',
    summary: 'The case with the number customers quote (e.g. AS-20261207-0001), as GET /v1/staff/cases/{caseId}.',
    capabilities: { tables: { cases: 'read', stores: 'read' } },
  },
  {
    name: 'getStaffCase',
    method: 'GET',
    path: '/v1/staff/cases/{caseId}',
    auth: 'staff',
    roles: ALL_STAFF,
    handler: 'get-staff-case',
    summary: 'Everything about a case: full timeline, internal notes, classification, assignment, SLA fields.',
    capabilities: { tables: { cases: 'read', stores: 'read' } },
  },
  {
    name: 'getCaseAttachment',
    method: 'GET',
    path: '/v1/staff/cases/{caseId}/attachments/{attachmentId}',
    auth: 'staff',
    roles: ALL_STAFF,
    handler: 'get-case-attachment',
    summary: "A download URL, valid a few minutes, for one of the case's evidence files.",
    capabilities: { tables: { cases: 'read' }, attachments: 'read' },
  },
  {
    name: 'replyToCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/replies',
    auth: 'staff',
    roles: ALL_STAFF,
    handler: 'reply-to-case',
    summary:
      'A public reply, emailed to the customer with the names of its files; the first one is the first response.',
    // Files sent with it must be uploaded under the store (and are claimed for the case in its write).
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' },
      workflow: ['signal'],
      workQueue: true,
      attachments: 'read',
    },
  },
  {
    name: 'addCaseNote',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/notes',
    auth: 'staff',
    roles: ALL_STAFF,
    handler: 'add-case-note',
    summary: 'An internal note; never shown to the customer.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' } },
  },
  {
    name: 'changeCaseStatus',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/status',
    auth: 'staff',
    roles: ALL_STAFF,
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
    roles: ALL_STAFF,
    handler: 'resolve-case',
    summary: 'Resolve with a resolution type, root cause and summary; the customer is emailed.',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'decideResolutionApproval',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/resolution-approval',
    auth: 'staff',
    roles: SUPERVISING,
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
    roles: ALL_STAFF,
    handler: 'reclassify-case',
    summary: 'Override severity and urgency (and so the priority), with a reason.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['signal'] },
  },
  {
    name: 'getKpiReport',
    method: 'GET',
    path: '/v1/reports/kpis',
    auth: 'staff',
    roles: SUPERVISING,
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
    roles: SUPERVISING,
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
    roles: SUPERVISING,
    handler: 'export-cases',
    summary: 'One CSV line per case received in the range (paged: X-Next-Token); no customer contact data.',
    capabilities: { tables: { kpis: 'read', stores: 'read' } },
  },
  {
    name: 'retryCaseWorkflow',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/workflow/retry',
    auth: 'staff',
    roles: SUPERVISING,
    handler: 'retry-case-workflow',
    summary: 'Restart a failed case workflow from where the case stands (a new execution); 409 when none failed.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['start'] },
  },
  {
    name: 'assignCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/assign',
    auth: 'staff',
    roles: SUPERVISING,
    handler: 'assign-case',
    summary: 'Assign or reassign a case to an agent.',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'reviewCase',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/review',
    auth: 'staff',
    roles: SUPERVISING,
    handler: 'review-case',
    summary: 'Approve or reject a case waiting for manual review.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['signal'] },
  },
  {
    name: 'completeRevisit',
    method: 'POST',
    path: '/v1/staff/cases/{caseId}/revisit',
    auth: 'staff',
    roles: ALL_STAFF,
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
    roles: SUPERVISING,
    handler: 'list-agents',
    summary: "The store's agent directory with each agent's current load.",
    capabilities: { tables: { agents: 'read' } },
  },
  {
    name: 'createAgent',
    method: 'POST',
    path: '/v1/admin/agents',
    auth: 'staff',
    roles: ADMIN,
    handler: 'create-agent',
    summary: 'Add an agent: skills, capacity, availability, supervisor.',
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'updateAgent',
    method: 'PUT',
    path: '/v1/admin/agents/{agentId}',
    auth: 'staff',
    roles: ADMIN,
    handler: 'update-agent',
    summary: "Change an agent's profile; waiting cases are assigned when capacity frees up.",
    capabilities: ASSIGNMENT_CHANGING,
  },
  {
    name: 'getPolicy',
    method: 'GET',
    path: '/v1/admin/policy',
    auth: 'staff',
    roles: ADMIN,
    handler: 'get-policy',
    summary: "The store's auto-review and classification policy.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'putPolicy',
    method: 'PUT',
    path: '/v1/admin/policy',
    auth: 'staff',
    roles: ADMIN,
    handler: 'put-policy',
    summary: 'Replace the policy; the version goes up by one and new decisions record it.',
    capabilities: { tables: { stores: 'readWrite' } },
  },
  {
    name: 'getSlaPolicy',
    method: 'GET',
    path: '/v1/admin/sla',
    auth: 'staff',
    roles: ADMIN,
    handler: 'get-sla-policy',
    summary: "The store's SLA policy: business calendar, targets per priority, escalation, survey and revisit delays.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'putSlaPolicy',
    method: 'PUT',
    path: '/v1/admin/sla',
    auth: 'staff',
    roles: ADMIN,
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
    roles: ADMIN,
    handler: 'get-store-profile',
    summary: "The store's profile: name, timezone, locale, supervisor and admin emails, case-number prefix, windows.",
    capabilities: { tables: { stores: 'read' } },
  },
  {
    name: 'putStoreProfile',
    method: 'PUT',
    path: '/v1/admin/store',
    auth: 'staff',
    roles: ADMIN,
    handler: 'put-store-profile',
    summary: 'Replace the store profile; the version goes up by one. A new prefix applies to cases filed after it.',
    // A timezone change moves the default SLA calendar: open cases are re-timed, like after an SLA policy change.
    capabilities: { tables: { stores: 'readWrite' }, workQueue: true },
  },
  {
    name: 'rotateApiKey',
    method: 'POST',
    path: '/v1/admin/store/api-keys',
    auth: 'staff',
    roles: ADMIN,
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
    roles: ADMIN,
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
    roles: ADMIN,
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
    name: 'signOutOfConsole',
    method: 'POST',
    path: '/console/sign-out',
    auth: 'console',
    kind: 'page',
    handler: 'sign-out-of-console',
    summary: 'End the console session (a form post with the CSRF token); then the sign-in page.',
    capabilities: { consoleSessions: true },
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
