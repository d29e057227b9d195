import type { Capabilities } from './capabilities.js';

/**
 * The HTTP API, declared once. The CDK stack builds API Gateway resources, methods and one Lambda function per route
 * from it; the local server routes requests to the same handler modules with the same auth rules.
 */
export type AuthKind =
  /** Storefront: `x-api-key` decides the store (API Gateway API key + usage plan in AWS). */
  | 'apiKey'
  /** Anyone: published documents. */
  | 'public';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDeclaration {
  /** Stable name: the Lambda function's id, the OpenAPI operationId. */
  name: string;
  method: HttpMethod;
  /** API Gateway resource path, `{param}` for path parameters. */
  path: string;
  auth: AuthKind;
  /** Handler module under `functions/handlers/http/`, without extension; it exports `handler`. */
  handler: string;
  summary: string;
  capabilities: Capabilities;
}

export const ROUTES: readonly RouteDeclaration[] = [
  {
    name: 'createCase',
    method: 'POST',
    path: '/v1/cases',
    auth: 'apiKey',
    handler: 'create-case',
    summary: 'File an after-sales request; it is reviewed against the store policy at once.',
    capabilities: {
      tables: { cases: 'readWrite', stores: 'readWrite', idempotency: 'readWrite' },
      workflow: ['start'],
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
    name: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    handler: 'get-openapi',
    summary: 'This API as an OpenAPI 3.1 document, generated from the request schemas.',
    capabilities: {},
  },
];
