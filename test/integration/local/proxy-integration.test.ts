import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RouteDeclaration } from '../../../functions/wiring/routes.js';
import { startLocalServer, type ApiRoute, type HttpHandler, type LocalServer } from '../../../local/server.js';

const declaration = (overrides: Partial<RouteDeclaration>): RouteDeclaration => ({
  name: 'echo',
  method: 'GET',
  path: '/v1/things/{thingId}',
  auth: 'public',
  handler: 'echo',
  summary: 'test route',
  capabilities: {},
  ...overrides,
});

/** Answers with the event and context it got, as a handler would see them. */
const echo: HttpHandler = async (event, context) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'x-request-id': event.requestContext.requestId },
  body: JSON.stringify({ event, context: { functionName: context.functionName, remaining: context.getRemainingTimeInMillis() } }),
});

describe('Local server: API Gateway proxy integration', () => {
  let server: LocalServer;
  const logger = { info: vi.fn(), error: vi.fn() };

  const routes: ApiRoute[] = [
    { ...declaration({ name: 'getThing' }), invoke: echo },
    { ...declaration({ name: 'searchThings', path: '/v1/things/search' }), invoke: echo },
    { ...declaration({ name: 'createThing', method: 'POST', path: '/v1/things', auth: 'apiKey' }), invoke: echo },
    {
      ...declaration({ name: 'crash', path: '/v1/crash' }),
      invoke: async () => {
        throw new Error('boom');
      },
    },
    { ...declaration({ name: 'malformed', path: '/v1/malformed' }), invoke: (async () => ({})) as unknown as HttpHandler },
    {
      ...declaration({ name: 'binary', path: '/v1/binary' }),
      invoke: async () => ({
        statusCode: 202,
        headers: { 'content-type': 'image/png', 'x-single': 'one' },
        multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
        body: Buffer.from([0, 1, 2, 255]).toString('base64'),
        isBase64Encoded: true,
      }),
    },
  ];

  beforeAll(async () => {
    server = await startLocalServer({ host: '127.0.0.1', port: 0, logger });
    server.mount({ api: routes, local: [] });
  });
  afterAll(async () => server?.close());

  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${server.url}${path}`, init);
    const body = Buffer.from(await response.arrayBuffer());
    return { response, body, json: () => JSON.parse(body.toString('utf8')) };
  };

  it('builds the REST proxy event: resource, decoded path parameters, query and header maps, request context', async () => {
    // Act
    const { response, json } = await call('/v1/things/a%20b%2Fc?tag=x&tag=y&one=1', {
      headers: { 'X-Custom': 'v', 'x-api-key': 'key-1' },
    });
    const { event, context } = json() as { event: APIGatewayProxyEvent; context: Pick<Context, 'functionName'> & { remaining: number } };

    // Assess
    expect(response.status).toBe(200);
    expect(event).toMatchObject({
      resource: '/v1/things/{thingId}',
      path: '/v1/things/a%20b%2Fc',
      httpMethod: 'GET',
      pathParameters: { thingId: 'a b/c' },
      queryStringParameters: { tag: 'y', one: '1' },
      multiValueQueryStringParameters: { tag: ['x', 'y'], one: ['1'] },
      body: null,
      isBase64Encoded: false,
      requestContext: {
        stage: 'local',
        resourcePath: '/v1/things/{thingId}',
        httpMethod: 'GET',
        identity: { apiKey: 'key-1', sourceIp: '127.0.0.1' },
      },
    });
    expect(event.headers['X-Custom']).toBe('v');
    expect(event.multiValueHeaders['X-Custom']).toEqual(['v']);
    expect(event.requestContext.requestId).toBe(response.headers.get('x-request-id'));
    expect(event.requestContext.requestTimeEpoch).toBeGreaterThan(0);
    expect(context.functionName).toBe('getThing');
    expect(context.remaining).toBeGreaterThan(9_000);
  });

  it('prefers a literal resource over a path parameter, as API Gateway does', async () => {
    // Act
    const { json } = await call('/v1/things/search');

    // Assess
    expect(json().event.resource).toBe('/v1/things/search');
    expect(json().event.pathParameters).toBeNull();
  });

  it('passes a text body as a string and a binary one base64-encoded', async () => {
    // Act
    const text = await call('/v1/things', { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: '{"a":"é"}' });
    const binary = await call('/v1/things', { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'image/png' }, body: Buffer.from([0, 255]) });

    // Assess
    expect(text.json().event).toMatchObject({ body: '{"a":"é"}', isBase64Encoded: false });
    expect(binary.json().event).toMatchObject({ body: Buffer.from([0, 255]).toString('base64'), isBase64Encoded: true });
  });

  it('writes a base64 result as bytes with single and multi-value headers', async () => {
    // Act
    const { response, body } = await call('/v1/binary');

    // Assess
    expect(response.status).toBe(202);
    expect([...body]).toEqual([0, 1, 2, 255]);
    expect(response.headers.get('x-single')).toBe('one');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('answers a throwing handler with a generic 500 and keeps serving', async () => {
    // Act
    const crashed = await call('/v1/crash');
    const after = await call('/v1/things/1');

    // Assess
    expect(crashed.response.status).toBe(500);
    expect(crashed.json()).toEqual({ error: { code: 'internal_error', message: 'Internal error.' } });
    expect(crashed.response.headers.get('x-request-id')).toBeTruthy();
    expect(JSON.stringify(crashed.json())).not.toContain('boom');
    expect(after.response.status).toBe(200);
    expect(logger.error).toHaveBeenCalled();
  });

  it('answers a malformed proxy result with a generic 500', async () => {
    // Act
    const { response, json } = await call('/v1/malformed');

    // Assess
    expect(response.status).toBe(500);
    expect(json().error.code).toBe('internal_error');
  });

  it('treats an empty x-api-key as missing on an API key route', async () => {
    // Act
    const { response, json } = await call('/v1/things', { method: 'POST', headers: { 'x-api-key': '' }, body: '{}' });

    // Assess
    expect(response.status).toBe(401);
    expect(json().error.code).toBe('unauthenticated');
  });
});
