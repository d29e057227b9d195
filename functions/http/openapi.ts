import { toJSONSchema, type core } from 'zod/mini';
import { ROUTE_SCHEMAS } from '../schemas/route-schemas.js';
import { surveyAnswerSchema, surveyPageQuerySchema, surveyPathSchema } from '../schemas/survey-requests.js';
import type { RouteDeclaration } from '../wiring/routes.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const jsonSchema = (schema: core.$ZodType) => toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

type RouteSchemas = { body?: core.$ZodType; query?: core.$ZodType; path?: core.$ZodType };
/** Page routes validate inside their handlers (a refused form is the form again, not an error): their schemas. */
const PAGE_ROUTE_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  getSurvey: { path: surveyPathSchema, query: surveyPageQuerySchema },
  answerSurvey: { path: surveyPathSchema, body: surveyAnswerSchema },
};
const SCHEMAS_BY_NAME: Readonly<Record<string, RouteSchemas>> = { ...ROUTE_SCHEMAS, ...PAGE_ROUTE_SCHEMAS };

const schemasOf = (route: RouteDeclaration): RouteSchemas => SCHEMAS_BY_NAME[route.name] ?? {};

const parameters = (route: RouteDeclaration) => {
  const schemas = schemasOf(route);
  const list: object[] = [];
  for (const [location, schema] of [
    ['query', schemas.query],
    ['path', schemas.path],
  ] as const) {
    if (!schema) continue;
    const { properties = {}, required = [] } = jsonSchema(schema) as {
      properties?: Record<string, object>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: location, required: location === 'path' || required.includes(name), schema: property });
    }
  }
  if (route.idempotencyKey) {
    list.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } });
  }
  return list;
};

const SECURITY_SCHEMES = {
  storeApiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description: "The storefront's key; it decides the store.",
  },
  staffBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "A staff user's ID token from the Cognito user pool: `sub`, `email`, `custom:storeId`, `custom:agentId` for " +
      'agents, `cognito:groups` with agent, supervisor or admin.',
  },
};

const security = (route: RouteDeclaration) => {
  if (route.auth === 'apiKey') return { security: [{ storeApiKey: [] }] };
  if (route.auth === 'staff') {
    return { security: [{ staffBearer: [] }], description: `Roles: ${(route.roles ?? []).join(', ')}.` };
  }
  return { security: [] };
};

const errorStatuses = (route: RouteDeclaration): string[] =>
  route.kind === 'page' ? ['400', '404', '410', '413', '415'] : apiErrorStatuses(route);

const apiErrorStatuses = (route: RouteDeclaration): string[] => [
  '400',
  '401',
  ...(route.auth === 'staff' ? ['403'] : []),
  '404',
  '409',
  '413',
  '415',
  '429',
];

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
/** A page answers people with HTML, and a client that asks for JSON (`Accept: application/json`) with JSON. */
const PAGE_CONTENT = { 'text/html': { schema: { type: 'string' } }, ...ERROR_CONTENT };

const requestBody = (route: RouteDeclaration, body: core.$ZodType) => {
  const schema = jsonSchema(body);
  const types =
    route.kind === 'page' ? ['application/x-www-form-urlencoded', 'application/json'] : ['application/json'];
  return { required: true, content: Object.fromEntries(types.map((type) => [type, { schema }])) };
};

const successes = (route: RouteDeclaration) => {
  if (route.kind !== 'page') {
    return { '200': { description: 'OK' }, ...(route.method === 'POST' ? { '201': { description: 'Created' } } : {}) };
  }
  if (route.method !== 'POST')
    return { '200': { description: 'The page', content: { 'text/html': PAGE_CONTENT['text/html'] } } };
  const recorded = { type: 'object', required: ['status'], properties: { status: { const: 'recorded' } } };
  return {
    '200': {
      description: 'Recorded: the thank-you page, or `{"status":"recorded"}` for a client that asks for JSON',
      content: { 'text/html': PAGE_CONTENT['text/html'], 'application/json': { schema: recorded } },
    },
  };
};

/** The OpenAPI 3.1 document of the given routes, generated from the same zod schemas that validate requests. */
export const buildOpenApiDocument = (routes: readonly RouteDeclaration[], serverUrl?: string) => {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const { body } = schemasOf(route);
    const content = route.kind === 'page' ? PAGE_CONTENT : ERROR_CONTENT;
    const errors = Object.fromEntries(
      errorStatuses(route).map((status) => [status, { description: 'Error', content }]),
    );
    // API Gateway's own throttling answers every route, pages included, in the API's JSON error shape.
    if (route.kind === 'page') errors['429'] = { description: 'Throttled', content: ERROR_CONTENT };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary,
      ...security(route),
      parameters: parameters(route),
      ...(body ? { requestBody: requestBody(route, body) } : {}),
      responses: { ...successes(route), ...errors },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'After-sales service API',
      version: '1.0.0',
      description:
        'Storefront API: file after-sales requests, check eligibility, follow cases. Staff API: work queues, replies, ' +
        'resolution, assignment, the agent directory and the policy. See API.md for the contract.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: SECURITY_SCHEMES,
      schemas: { Error: errorSchema },
    },
    paths,
  };
};
