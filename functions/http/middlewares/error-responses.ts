import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { errorName, logger } from '../../commons/logger.js';
import { DomainError } from '../../domain/errors.js';
import { jsonResponse } from '../responses.js';
import { asServiceBusy, retryAfterHeaders } from '../service-busy.js';

/**
 * The one place errors become HTTP responses: a DomainError answers with its own status and body; contention and
 * throttling a 503 with `Retry-After` (`asServiceBusy`); anything else is logged and answered with a generic 500 that
 * reveals no internals.
 */
export const errorResponses = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  onError: (request: Request<APIGatewayProxyEvent, APIGatewayProxyResult>) => {
    const error = asServiceBusy(request.error) ?? request.error;
    if (error instanceof DomainError) {
      if (error.statusCode >= 500) {
        const cause = (request.error as { cause?: unknown } | null)?.cause;
        logger.error('Request failed', {
          errorName: errorName(request.error),
          ...(cause === undefined ? {} : { causeName: errorName(cause) }),
        });
      }
      request.response = jsonResponse(error.statusCode, error.toJSON(), retryAfterHeaders(error));
      return;
    }
    // Log the name and the stack frames only: messages of some SDK errors quote email addresses.
    logger.error('Unexpected error', { errorName: error?.name, stack: error?.stack?.split('\n').slice(1).join('\n') });
    request.response = jsonResponse(500, {
      error: { code: 'internal_error', message: 'Something went wrong on our side. Please retry later.' },
    });
  },
});
