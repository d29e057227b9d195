import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'cache-control': 'no-store',
};

/** Every response, success or error, carries the request id and the security headers. */
export const responseHeaders = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const addHeaders = (request: Request<APIGatewayProxyEvent, APIGatewayProxyResult>): void => {
    if (!request.response) return;
    request.response.headers = {
      ...SECURITY_HEADERS,
      ...request.response.headers,
      'x-request-id': request.event.requestContext?.requestId ?? request.context.awsRequestId,
    };
  };
  return { after: addHeaders, onError: addHeaders };
};
