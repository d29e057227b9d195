import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { GATEWAY_MESSAGES } from '../functions/wiring/gateway-messages.js';
import type { RouteDeclaration } from '../functions/wiring/routes.js';
import {
  authorizerClaims,
  fromProxyResult,
  lambdaContext,
  toProxyEvent,
  type HttpResponse,
} from './api-gateway-event.js';
import { Router } from './router.js';

export type HttpHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** One route of `ROUTES` with its loaded handler module's `handler`. */
export interface ApiRoute extends RouteDeclaration {
  invoke: HttpHandler;
}

export interface LocalRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  requestId: string;
  /** At most the route's `bodyLimit` bytes; `bodyTruncated` says whether more was sent. */
  body: Buffer;
  bodyTruncated: boolean;
}

export interface LocalResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route that exists only in the local stack (`/_local/...`), served by plain code rather than a Lambda handler. */
export interface LocalRoute {
  method: string;
  path: string;
  /** Bytes of body to read; the rest is discarded. No body is read when absent. */
  bodyLimit?: (request: Omit<LocalRequest, 'body' | 'bodyTruncated'>) => Promise<number>;
  handle(request: LocalRequest): Promise<LocalResponse>;
}

export type ServerLogger = Pick<Logger, 'info' | 'error'>;

/** The local user pool's check of a bearer token: the token's payload when it is valid, else undefined. */
export type StaffTokenVerifier = (token: string) => Promise<Record<string, unknown> | undefined>;

export interface MountedRoutes {
  api: readonly ApiRoute[];
  local: readonly LocalRoute[];
  /** Checks the tokens of `staff` routes as the Cognito authorizer does; without it every staff call is refused. */
  verifyStaffToken?: StaffTokenVerifier;
}

export interface LocalServerOptions {
  host: string;
  port: number;
  logger: ServerLogger;
  /** The HTTP functions' timeout (middy answers a 503 once it passes); 10 s as in AWS by default. */
  functionTimeoutMs?: number;
}

export interface LocalServer {
  /** `http://<host>:<port>` */
  url: string;
  /** Routes are mounted after `listen` (handlers need the URL); requests that arrive earlier wait for them. */
  mount(routes: MountedRoutes): void;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use. Stop what uses it, or choose another port (PORT=...).`);
    this.name = 'PortInUseError';
  }
}

/** API Gateway REST accepts 10 MB; locally 1 MiB is plenty (handlers enforce their own, smaller limits). */
export const MAX_API_BODY_BYTES = 1024 * 1024;
/** A client that keeps sending far beyond any limit is cut off rather than drained forever. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;
const CLOSE_GRACE_MS = 5_000;

export { GATEWAY_MESSAGES };

const errorResponse = (
  requestId: string,
  statusCode: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): HttpResponse => ({
  statusCode,
  headers: [
    ['content-type', 'application/json; charset=utf-8'],
    ['x-request-id', requestId],
    ...Object.entries(headers),
  ],
  body: Buffer.from(JSON.stringify({ error: { code, message } })),
});

const methodNotAllowed = (requestId: string, method: string, path: string, allowed: string[]): HttpResponse =>
  errorResponse(requestId, 405, 'method_not_allowed', `${method} is not allowed on ${path}`, {
    allow: allowed.join(', '),
  });

const readBody = (request: IncomingMessage, limit: number): Promise<{ body: Buffer; truncated: boolean }> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let discarded = 0;
    request.on('data', (chunk: Buffer) => {
      const room = limit - kept;
      if (room > 0) {
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        chunks.push(part);
        kept += part.length;
      }
      discarded += chunk.length - Math.max(0, Math.min(room, chunk.length));
      if (discarded > MAX_DISCARDED_BYTES) request.destroy(new Error('Request body far over the limit'));
    });
    request.once('end', () => done({ body: Buffer.concat(chunks), truncated: discarded > 0 }));
    request.once('error', fail);
  });

const write = (response: ServerResponse, result: HttpResponse, requestId: string): void => {
  const names = new Set(result.headers.map(([name]) => name.toLowerCase()));
  const headers: Array<[string, string]> = [
    ...result.headers.filter(([name]) => name.toLowerCase() !== 'content-length'),
    // API Gateway's own header, on every response whatever the handler returns.
    ...(names.has('x-amzn-requestid') ? [] : [['x-amzn-RequestId', requestId] as [string, string]]),
    ['content-length', String(result.body.length)],
  ];
  response.writeHead(result.statusCode, headers.flat());
  response.end(result.body);
};

/** The Cognito authorizer takes the `Authorization` header's token, with or without the `Bearer` scheme. */
const bearerToken = (header: string | undefined): string | undefined =>
  /^(?:bearer\s+)?(\S+)$/i.exec(header?.trim() ?? '')?.[1];

/** The authorizer's claims for a call of a staff route, or undefined when API Gateway would answer 401. */
const authorizeStaff = async (
  header: string | undefined,
  verify: StaffTokenVerifier,
): Promise<Record<string, string> | undefined> => {
  const token = bearerToken(header);
  const payload = token === undefined ? undefined : await verify(token);
  return payload && authorizerClaims(payload);
};

const fromLocalResponse = (local: LocalResponse, requestId: string): HttpResponse => ({
  statusCode: local.statusCode,
  headers: [['x-request-id', requestId], ...Object.entries(local.headers ?? {})],
  body: Buffer.isBuffer(local.body) ? local.body : Buffer.from(local.body ?? '', 'utf8'),
});

const listen = (server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> =>
  new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error),
    );
    server.listen({ host, port }, () => done((server.address() as AddressInfo).port));
  });

/**
 * The local API Gateway: serves `ROUTES` through their handler modules with the proxy integration's event and
 * response shapes, the API key presence check of `apiKeyRequired` methods, the Cognito authorizer of `staff` routes
 * (token checked, claims in `requestContext.authorizer.claims`), and the same error bodies as the deployed gateway
 * responses; plus the local-only routes. No handler failure reaches the server.
 */
export const startLocalServer = async (options: LocalServerOptions): Promise<LocalServer> => {
  const { logger } = options;
  interface Routing {
    api: Router<ApiRoute>;
    local: Router<LocalRoute>;
    verifyStaffToken: StaffTokenVerifier;
  }
  let mounted: (routes: Routing) => void = () => undefined;
  const routing = new Promise<Routing>((done) => {
    mounted = done;
  });

  const serveApi = async (
    request: IncomingMessage,
    url: URL,
    requestId: string,
    receivedAt: Date,
  ): Promise<HttpResponse> => {
    const { api, verifyStaffToken } = await routing;
    const method = request.method ?? 'GET';
    const match = api.match(method, url.pathname);
    const { body, truncated } = await readBody(request, MAX_API_BODY_BYTES);
    if (match.kind === 'not_found') {
      return errorResponse(requestId, 404, 'not_found', `No route for ${method} ${url.pathname}`);
    }
    if (match.kind === 'method_not_allowed') return methodNotAllowed(requestId, method, url.pathname, match.allowed);
    if (truncated) return errorResponse(requestId, 413, 'payload_too_large', GATEWAY_MESSAGES.payloadTooLarge);
    const { route, params } = match;
    if (route.auth === 'apiKey' && !request.headers['x-api-key']) {
      return errorResponse(requestId, 401, 'unauthenticated', GATEWAY_MESSAGES.unauthenticated);
    }
    const claims =
      route.auth === 'staff' ? await authorizeStaff(request.headers.authorization, verifyStaffToken) : undefined;
    if (route.auth === 'staff' && !claims) {
      return errorResponse(requestId, 401, 'unauthenticated', GATEWAY_MESSAGES.unauthorized);
    }
    const event = toProxyEvent(
      route,
      params,
      {
        method,
        url,
        rawHeaders: request.rawHeaders,
        body,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        requestId,
        receivedAt,
      },
      claims,
    );
    try {
      const result = fromProxyResult(
        await route.invoke(event, lambdaContext(route, Date.now, options.functionTimeoutMs)),
      );
      if (result) return result;
      logger.error('Handler returned a malformed proxy result', { route: route.name, requestId });
    } catch (error) {
      logger.error('Handler failed', { route: route.name, requestId, error });
    }
    return errorResponse(requestId, 500, 'internal_error', GATEWAY_MESSAGES.internal);
  };

  const serveLocal = async (
    route: LocalRoute,
    request: IncomingMessage,
    url: URL,
    params: Record<string, string>,
    requestId: string,
  ) => {
    const base = { method: request.method ?? 'GET', url, params, headers: request.headers, requestId };
    const limit = route.bodyLimit ? await route.bodyLimit(base) : 0;
    const { body, truncated } = await readBody(request, limit);
    return fromLocalResponse(await route.handle({ ...base, body, bodyTruncated: truncated }), requestId);
  };

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const receivedAt = new Date();
    const started = performance.now();
    let result: HttpResponse;
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const { local } = await routing;
      const match = local.match(request.method ?? 'GET', url.pathname);
      if (match.kind === 'found') {
        result = await serveLocal(match.route, request, url, match.params, requestId);
      } else if (match.kind === 'method_not_allowed') {
        await readBody(request, 0);
        result = methodNotAllowed(requestId, request.method ?? 'GET', url.pathname, match.allowed);
      } else {
        result = await serveApi(request, url, requestId, receivedAt);
      }
    } catch (error) {
      // The client went away: nobody to answer. (Not `request.destroyed`: a request whose body was read is destroyed.)
      if (response.destroyed) return;
      logger.error('Local server error', { requestId, error });
      result = errorResponse(requestId, 500, 'internal_error', GATEWAY_MESSAGES.internal);
    }
    write(response, result, requestId);
    logger.info('Request', {
      method: request.method,
      path: (request.url ?? '/').split('?')[0], // queries may hold signatures (upload URLs)
      status: result.statusCode,
      ms: Math.round(performance.now() - started),
      requestId,
    });
  };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      logger.error('Could not answer a request', { error });
      response.destroy();
    });
  });
  // Longer than any client's idle keep-alive (fetch's is 4 s, the server's default 5 s): the client always closes an
  // idle socket first, so it never sends a request on one the server is closing (an ECONNRESET under load).
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, options.host, options.port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    mount: ({ api, local, verifyStaffToken = async () => undefined }) =>
      mounted({ api: new Router(api), local: new Router(local), verifyStaffToken }),
    close: () =>
      (closing ??= new Promise<void>((done) => {
        // Requests in progress may finish; idle keep-alive connections close now, the rest after a grace period.
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          done();
        });
        server.closeIdleConnections();
      })),
  };
};
