import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

/** A REST API proxy event as API Gateway hands it to a route: no headers, body or parameters unless `overrides` give them. */
export const proxyEvent = (overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent =>
  ({
    httpMethod: 'POST',
    path: '/x',
    resource: '/x',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' },
    ...overrides,
  }) as unknown as APIGatewayProxyEvent;

/** The Lambda context fields a route reads. */
export const routeContext = { awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
