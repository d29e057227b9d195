import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../../commons/logger.js';
import { DomainError } from '../../domain/errors.js';
import { jsonResponse } from '../responses.js';

/**
 * The one place errors become HTTP responses: a DomainError answers with its own status and body; anything else is
 * logged and answered with a generic 500 that reveals no internals.
 */
export const errorResponses = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  onError: (request: Request<APIGatewayProxyEvent, APIGatewayProxyResult>) => {
    const { error } = request;
    if (error instanceof DomainError) {
      if (error.statusCode >= 500) logger.error('Request failed', { errorName: error.name });
      request.response = jsonResponse(error.statusCode, error.toJSON());
      return;
    }
    // Log the name and the stack frames only: messages of some SDK errors quote email addresses.
    logger.error('Unexpected error', { errorName: error?.name, stack: error?.stack?.split('\n').slice(1).join('\n') });
    request.response = jsonResponse(500, {
      error: { code: 'internal_error', message: 'Something went wrong on our side. Please retry later.' },
    });
  },
});
