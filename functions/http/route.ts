import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { core } from 'zod/mini';
import type { PortName } from '../capabilities/catalog.js';
import type { Ports, PortSource } from '../capabilities/declared-ports.js';
import { logger } from '../commons/logger.js';
import { flushMetrics } from '../commons/metrics.js';
import type { StaffRole, StaffUser } from '../domain/staff.js';
import type { Store } from '../domain/store.js';
import type { ROUTE_SCHEMAS } from '../schemas/route-schemas.js';
import { ROUTE_ROLES } from '../wiring/route-roles.js';
import { errorResponses } from './middlewares/error-responses.js';
import { jsonBody, type ParsedBody } from './middlewares/json-body.js';
import { staffAuth, type SignedInStaff } from './middlewares/staff-auth.js';
import { responseHeaders } from './middlewares/response-headers.js';
import { storeAuth, type StoreContext } from './middlewares/store-auth.js';
import { validate } from './validation.js';

export interface RouteRequest<Body, Query, Path, P extends PortName = never> {
  body: Body;
  query: Query;
  path: Path;
  headers: Record<string, string | undefined>;
  requestId: string;
  /** Exactly the ports the route's declaration grants (`routePorts`). */
  dependencies: Ports<P>;
}

export interface StorefrontRequest<Body, Query, Path, P extends PortName = never> extends RouteRequest<
  Body,
  Query,
  Path,
  P
> {
  store: Store;
}

interface RouteSchemas<B extends core.$ZodType, Q extends core.$ZodType, P extends core.$ZodType> {
  body?: B;
  query?: Q;
  path?: P;
  maxBodyBytes?: number;
}

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

type AnySchemas = RouteSchemas<core.$ZodType, core.$ZodType, core.$ZodType>;

/**
 * A route's handler and the schemas it validates with. Each handler imports its own route's schemas (not
 * `ROUTE_SCHEMAS`, which would bundle every route's); a test holds them to `ROUTE_SCHEMAS`, which the OpenAPI publishes.
 */
export type RouteHandler = Handler & { readonly schemas: AnySchemas };

const withSchemas = (handler: Handler, schemas: AnySchemas): RouteHandler => Object.assign(handler, { schemas });

const buildRequest = async <
  B extends core.$ZodType,
  Q extends core.$ZodType,
  P extends core.$ZodType,
  D extends PortName,
>(
  schemas: RouteSchemas<B, Q, P>,
  ports: PortSource<D>,
  event: APIGatewayProxyEvent & ParsedBody,
  context: Context,
): Promise<RouteRequest<core.output<B>, core.output<Q>, core.output<P>, D>> => ({
  body: schemas.body ? validate(schemas.body, event.parsedBody, 'body') : (undefined as core.output<B>),
  query: schemas.query
    ? validate(schemas.query, event.queryStringParameters ?? {}, 'query')
    : (undefined as core.output<Q>),
  path: schemas.path ? validate(schemas.path, event.pathParameters ?? {}, 'path') : (undefined as core.output<P>),
  headers: event.headers ?? {},
  requestId: event.requestContext?.requestId ?? context.awsRequestId,
  dependencies: await ports.get(),
});

type Middleware = MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>;

/**
 * Who may call comes before what they sent: an unauthenticated caller learns nothing about body rules. Metrics are
 * flushed last, whatever the outcome.
 */
const base = (maxBodyBytes?: number, auth: Middleware[] = []) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(flushMetrics())
    .use(httpHeaderNormalizer())
    .use(responseHeaders())
    .use(errorResponses())
    .use(auth)
    .use(jsonBody({ maxBytes: maxBodyBytes }));

/**
 * A storefront route: API key -> store, JSON body and query/path validated by zod, errors mapped in one place.
 * The handler gets typed, validated input and returns the response.
 */
export const storefrontRoute = <
  B extends core.$ZodType,
  Q extends core.$ZodType,
  P extends core.$ZodType,
  D extends PortName,
>(
  schemas: RouteSchemas<B, Q, P>,
  // The API key is looked up in the stores table: every storefront route declares it.
  ports: PortSource<D | 'stores'>,
  handle: (
    request: StorefrontRequest<core.output<B>, core.output<Q>, core.output<P>, D | 'stores'>,
  ) => Promise<APIGatewayProxyResult>,
): RouteHandler =>
  withSchemas(
    base(schemas.maxBodyBytes, [storeAuth(() => ports.get())]).handler(async (event, context) => {
      const request = await buildRequest(schemas, ports, event, context);
      const { store } = context as StoreContext;
      logger.resetKeys();
      logger.appendKeys({ storeId: store.storeId, requestId: request.requestId });
      return handle({ ...request, store });
    }),
    schemas,
  );

/** A route anyone may call (published documents). */
export const publicRoute = <
  B extends core.$ZodType,
  Q extends core.$ZodType,
  P extends core.$ZodType,
  D extends PortName,
>(
  schemas: RouteSchemas<B, Q, P>,
  ports: PortSource<D>,
  handle: (request: RouteRequest<core.output<B>, core.output<Q>, core.output<P>, D>) => Promise<APIGatewayProxyResult>,
): RouteHandler =>
  withSchemas(
    base(schemas.maxBodyBytes).handler(async (event, context) => {
      const request = await buildRequest(schemas, ports, event, context);
      // The logger is shared by every route in the local stack: drop the keys of the previous caller.
      logger.resetKeys();
      logger.appendKeys({ requestId: request.requestId });
      return handle(request);
    }),
    schemas,
  );

export interface StaffRequest<Body, Query, Path, P extends PortName = never> extends RouteRequest<
  Body,
  Query,
  Path,
  P
> {
  /** The signed-in staff user (from the authorizer's claims); the route's roles are already checked. */
  user: StaffUser;
}

type RouteName = keyof typeof ROUTE_SCHEMAS;
type SchemasOf<N extends RouteName> = (typeof ROUTE_SCHEMAS)[N];
type BodyOf<N extends RouteName> =
  SchemasOf<N> extends { body: core.$ZodType } ? core.output<SchemasOf<N>['body']> : undefined;
type QueryOf<N extends RouteName> =
  SchemasOf<N> extends { query: core.$ZodType } ? core.output<SchemasOf<N>['query']> : undefined;
type PathOf<N extends RouteName> =
  SchemasOf<N> extends { path: core.$ZodType } ? core.output<SchemasOf<N>['path']> : undefined;

/** From `ROUTE_ROLES`, not `ROUTES`: a staff handler's bundle then carries no other route's declaration. */
const rolesOfRoute = (name: string): readonly StaffRole[] => {
  const roles: readonly StaffRole[] | undefined = (ROUTE_ROLES as Record<string, readonly StaffRole[]>)[name];
  if (!roles?.length) {
    // A wiring mistake: fail at cold start rather than serve a route nobody (or everybody) may call.
    throw new Error(`${name} is not a staff route with roles in ROUTE_ROLES`);
  }
  return roles;
};

/**
 * A staff route by its name in `ROUTES`: the bearer token's claims (API Gateway's Cognito authorizer in AWS, the local
 * gateway's emulation locally) -> `StaffUser` (401 without), the route's `roles` (403 otherwise), then validation with
 * the route's schemas (`ROUTE_SCHEMAS[name]`, imported by the handler), errors mapped in one place.
 */
export const staffRoute = <N extends RouteName, D extends PortName>(
  name: N,
  schemas: SchemasOf<N>,
  ports: PortSource<D>,
  handle: (request: StaffRequest<BodyOf<N>, QueryOf<N>, PathOf<N>, D>) => Promise<APIGatewayProxyResult>,
): RouteHandler => {
  const routeSchemas: AnySchemas = schemas;
  const handler = base(undefined, [staffAuth(rolesOfRoute(name))]).handler(async (event, context) => {
    const request = await buildRequest(routeSchemas, ports, event, context);
    const user = (event as SignedInStaff).staffUser;
    if (!user) throw new Error('staffAuth did not run'); // unreachable: the middleware throws first
    logger.resetKeys();
    logger.appendKeys({ storeId: user.storeId, userId: user.userId, requestId: request.requestId });
    return handle({ ...request, user } as StaffRequest<BodyOf<N>, QueryOf<N>, PathOf<N>, D>);
  });
  return withSchemas(handler, routeSchemas);
};
