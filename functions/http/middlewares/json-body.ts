import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { MalformedJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../domain/errors.js';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface ParsedBody {
  /** The parsed JSON, or `undefined` when the request had no body. */
  parsedBody?: unknown;
}

/**
 * Requests with a body must be JSON (415 otherwise), small (413) and well-formed (400). The parsed value goes to
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
    try {
      event.parsedBody = JSON.parse(raw);
    } catch (cause) {
      throw new MalformedJsonError('The body is not valid JSON', {
        cause,
        details: [{ path: '', message: (cause as Error).message }],
      });
    }
  },
});
