import middy, { type MiddlewareObj, type Request } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { PortName } from '../capabilities/catalog.js';
import type { Ports, PortSource } from '../capabilities/declared-ports.js';
import { errorName, logger } from '../commons/logger.js';
import { flushMetrics } from '../commons/metrics.js';
import {
  DomainError,
  MalformedJsonError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../domain/errors.js';
import { messagePage, PAGE_CSP } from '../pages/page-layout.js';
import { localeFromAcceptLanguage, PAGE_WORDS } from '../pages/page-words.js';
import { jsonResponse } from './responses.js';
import { asServiceBusy, retryAfterHeaders } from './service-busy.js';
import { parseJsonBody, requireUtf8 } from './middlewares/json-body.js';
import { responseHeaders } from './middlewares/response-headers.js';

/**
 * Pages take small forms: five ratings and a comment of at most 2,000 characters. A browser sends a Chinese character
 * as 9 bytes (`%E5%BE%88`), so the longest comment allowed is about 18 KB on the wire: 32 KB leaves room for it.
 */
export const MAX_PAGE_BODY_BYTES = 32 * 1024;

export interface PageRequest<P extends PortName = never> {
  /** `GET`, `POST`, ... */
  method: string;
  /** The resource path as requested, e.g. `/console` (no query). */
  path: string;
  pathParameters: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The posted fields (a form's first value of each name, or a JSON object); undefined without a body. */
  fields?: unknown;
  /** The client asked for JSON (a script), not a page: answers and errors are then the API's JSON. */
  wantsJson: boolean;
  headers: Record<string, string | undefined>;
  /** Exactly the ports the route's declaration grants (`routePorts`). */
  dependencies: Ports<P>;
}

type PageEvent = APIGatewayProxyEvent & { pageFields?: unknown };

/** An HTML page, not indexed, with the page CSP (only its own stylesheet, no script) unless it brings its own. */
export const htmlResponse = (statusCode: number, html: string, csp = PAGE_CSP): APIGatewayProxyResult => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-robots-tag': 'noindex, nofollow',
  },
  body: html,
});

const wantsJson = (headers: Record<string, string | undefined> | null): boolean => {
  const accept = headers?.accept ?? '';
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
};

/** Form posts (`application/x-www-form-urlencoded`, as a browser sends them) and JSON; anything else is a 415. */
const pageBody = (): MiddlewareObj<PageEvent, APIGatewayProxyResult> => ({
  before: ({ event }: Request<PageEvent, APIGatewayProxyResult>) => {
    if (event.body === null || event.body === undefined || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    if (Buffer.byteLength(raw, 'utf8') > MAX_PAGE_BODY_BYTES) {
      throw new PayloadTooLargeError(`The body is larger than ${MAX_PAGE_BODY_BYTES} bytes`);
    }
    const contentType = (event.headers?.['content-type'] ?? '').trim();
    if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
      requireUtf8(contentType);
      // A Map, then own properties: a field may be called `constructor` or `__proto__`.
      const fields = new Map<string, string>();
      for (const [name, value] of new URLSearchParams(raw)) {
        if (fields.has(name)) {
          throw new ValidationError('Invalid body', {
            details: [{ path: name.slice(0, 64), message: 'Sent more than once' }],
          });
        }
        fields.set(name, value);
      }
      event.pageFields = Object.fromEntries(fields);
      return;
    }
    if (/^application\/json\s*(;|$)/i.test(contentType)) {
      requireUtf8(contentType);
      event.pageFields = parseJsonBody(raw);
      return;
    }
    throw new UnsupportedMediaTypeError('Send the answers as a form or as application/json', {
      details: [{ path: 'content-type', message: `Got ${contentType || 'none'}` }],
    });
  },
});

/**
 * Errors of a page route: a localized HTML page (by the browser's language: no case is known here), or the API's JSON
 * error for a client that asked for JSON. Never internals; an unexpected error is a 500 page.
 */
const pageErrors = (): MiddlewareObj<PageEvent, APIGatewayProxyResult> => ({
  onError: (request: Request<PageEvent, APIGatewayProxyResult>) => {
    const { error, event } = request;
    const known = error instanceof DomainError ? error : asServiceBusy(error);
    if (!known || known.statusCode >= 500) logger.error('Page failed', { errorName: errorName(error) });
    const headers = retryAfterHeaders(known);
    if (wantsJson(event.headers)) {
      request.response = known
        ? jsonResponse(known.statusCode, known.toJSON(), headers)
        : jsonResponse(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
      return;
    }
    const locale = localeFromAcceptLanguage(event.headers?.['accept-language']);
    const words = PAGE_WORDS[locale];
    const [title, message] =
      known instanceof PayloadTooLargeError
        ? [words.tooLargeTitle, words.tooLarge]
        : known instanceof UnsupportedMediaTypeError ||
            known instanceof MalformedJsonError ||
            // Only the body reader throws this here (a form naming a field twice): the handler answers its own 400s.
            known instanceof ValidationError
          ? [words.unsupportedTitle, words.unsupported]
          : known?.statusCode === 404
            ? [words.notFoundTitle, words.notFound]
            : [words.failedTitle, words.failed];
    const page = htmlResponse(known?.statusCode ?? 500, messagePage(locale, title, message));
    request.response = { ...page, headers: { ...page.headers, ...headers } };
  },
});

/**
 * A route for people (`kind: 'page'` in functions/wiring/routes.ts): HTML in and out, the same middy stack as the API
 * (metrics flushed, header normalizer, security headers and request id, errors in one place) with a form body instead
 * of JSON.
 */
export const pageRoute = <P extends PortName>(
  ports: PortSource<P>,
  handle: (request: PageRequest<P>) => Promise<APIGatewayProxyResult>,
) =>
  middy<PageEvent, APIGatewayProxyResult, Error, Context>()
    .use(flushMetrics())
    .use(httpHeaderNormalizer())
    .use(responseHeaders() as unknown as MiddlewareObj<PageEvent, APIGatewayProxyResult>)
    .use(pageErrors())
    .use(pageBody())
    .handler(async (event) => {
      logger.resetKeys();
      logger.appendKeys({ requestId: event.requestContext?.requestId });
      return handle({
        method: event.httpMethod.toUpperCase(),
        path: event.path,
        pathParameters: event.pathParameters ?? {},
        query: event.queryStringParameters ?? {},
        ...(event.pageFields !== undefined ? { fields: event.pageFields } : {}),
        wantsJson: wantsJson(event.headers),
        headers: event.headers ?? {},
        dependencies: await ports.get(),
      });
    });
