import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { MalformedJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../domain/errors.js';
import { firstDuplicateKey } from '../duplicate-json-keys.js';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface ParsedBody {
  /** The parsed JSON, or `undefined` when the request had no body. */
  parsedBody?: unknown;
}

/**
 * A body is read as UTF-8, so one declared in another charset is refused (415) rather than misread ("M\uFFFDller").
 * Decoding it instead is not possible in AWS: API Gateway hands a text body to the Lambda already as a string.
 */
export const requireUtf8 = (contentType: string): void => {
  const charset = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType)?.[2];
  if (charset === undefined || /^utf-?8$/i.test(charset)) return;
  throw new UnsupportedMediaTypeError('Send the body in UTF-8', {
    details: [
      { path: 'content-type', message: `Only UTF-8 is read, got charset=${charset.slice(0, 40) || '(empty)'}` },
    ],
  });
};

/** The body's JSON; 400 when it is no JSON or names a key twice in one object (which value would count?). */
export const parseJsonBody = (raw: string): unknown => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new MalformedJsonError('The body is not valid JSON', {
      cause,
      details: [{ path: '', message: (cause as Error).message }],
    });
  }
  const duplicate = firstDuplicateKey(raw);
  if (duplicate) {
    throw new MalformedJsonError('The body names a key more than once', {
      details: [
        {
          path: duplicate.join('.').slice(0, 200),
          message: `${JSON.stringify((duplicate.at(-1) ?? '').slice(0, 64))} appears more than once in the same object`,
        },
      ],
    });
  }
  return value;
};

/**
 * Requests with a body must be JSON in UTF-8 (415 otherwise), small (413) and well-formed without repeated keys (400). The parsed value goes to
 * `event.parsedBody`; schema validation comes after, in the route.
 */
export const jsonBody = (
  options: { maxBytes?: number } = {},
): MiddlewareObj<APIGatewayProxyEvent & ParsedBody, APIGatewayProxyResult> => ({
  before: (request: Request<APIGatewayProxyEvent & ParsedBody, APIGatewayProxyResult>) => {
    const { event } = request;
    if (event.body === null || event.body === undefined || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (Buffer.byteLength(raw, 'utf8') > maxBytes) {
      throw new PayloadTooLargeError(`The body is larger than ${maxBytes} bytes`);
    }
    const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) {
      throw new UnsupportedMediaTypeError('Send the body as application/json', {
        details: [{ path: 'content-type', message: `Expected application/json, got ${contentType || 'none'}` }],
      });
    }
    requireUtf8(contentType);
    event.parsedBody = parseJsonBody(raw);
  },
});
