import type { APIGatewayProxyResult } from 'aws-lambda';

export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** 204: done, nothing to show. */
export const noContentResponse = (): APIGatewayProxyResult => ({ statusCode: 204, headers: {}, body: '' });
