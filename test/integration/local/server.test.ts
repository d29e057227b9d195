import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { hashApiKey } from '../../../functions/domain/api-key.js';
import { newAttachmentId } from '../../../functions/domain/attachment-rules.js';
import type { RouteDeclaration } from '../../../functions/wiring/routes.js';
import { startLocalServer, type ApiRoute, type HttpHandler, type LocalServer } from '../../../local/server.js';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';

const PDF = Buffer.from('%PDF-1.7 evidence\n');

describe('Local stack: HTTP server', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  const newUpload = (size = PDF.length) =>
    stack.attachments.createUpload({
      storeId: 'store-a',
      attachmentId: newAttachmentId(),
      contentType: 'application/pdf',
      fileName: 'evidence.pdf',
      size,
    });

  it('returns 404 not_found with a request id for an unknown path', async () => {
    // Act
    const response = await api(stack).get('/v1/nothing-here');

    // Assess
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns 405 method_not_allowed, with Allow, for a known path and another method', async () => {
    // Act
    const response = await api(stack).raw('DELETE', '/v1/cases', undefined, { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(response.status).toBe(405);
    expect(response.json.error.code).toBe('method_not_allowed');
    expect(response.headers.get('allow')).toBe('POST, GET');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns 401 like the gateway when an API key route is called without x-api-key', async () => {
    // Act
    const response = await api(stack).post('/v1/cases', { orderId: 'SO-1' });

    // Assess
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: { code: 'unauthenticated', message: 'Missing or invalid API key.' } });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns 413 payload_too_large for a body over 1 MiB without calling the handler', async () => {
    // Prepare
    const body = 'x'.repeat(1024 * 1024 + 1);

    // Act
    const response = await api(stack).raw('POST', '/v1/cases', body, {
      apiKey: stack.apiKeys.storeA,
      headers: { 'content-type': 'application/json' },
    });

    // Assess
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe('payload_too_large');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns an empty outbox as a JSON list', async () => {
    // Act
    const response = await api(stack).get('/_local/outbox');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json).toEqual([]);
  });

  it('shows the outbox page and an index of the local URLs', async () => {
    // Act
    const page = await api(stack).get('/_local/outbox.html');
    const index = await api(stack).get('/');

    // Assess
    expect(page.status).toBe(200);
    expect(page.text).toContain('No emails sent yet');
    expect(index.json).toMatchObject({ openApi: `${stack.url}/v1/openapi.json`, outbox: `${stack.url}/_local/outbox` });
  });

  it('refuses an upload with a wrong signature with 403', async () => {
    // Prepare
    const url = new URL((await newUpload()).uploadUrl);
    url.searchParams.set('signature', '0'.repeat(64));

    // Act
    const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: PDF });

    // Assess
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('stores an upload that matches its signed URL', async () => {
    // Prepare
    const ticket = await newUpload();
    const attachmentId = new URL(ticket.uploadUrl).pathname.split('/').at(-1) as string;

    // Act
    const response = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.uploadHeaders, body: PDF });

    // Assess
    expect(response.status).toBe(200);
    expect(await stack.attachments.exists('store-a', attachmentId)).toBe(true);
  });

  it('refuses an upload larger than signed with 413', async () => {
    // Prepare
    const ticket = await newUpload();

    // Act
    const response = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: ticket.uploadHeaders,
      body: Buffer.concat([PDF, Buffer.alloc(200_000)]),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  describe('with a second stack in the same process', () => {
    let second: TestStack;

    beforeAll(async () => {
      second = await startTestStack();
    });
    afterAll(async () => second?.stop());

    it("serves each stack's requests from its own DynamoDB", async () => {
      // Prepare: store A's key exists only in the first stack now.
      const client = createDocumentClient({ endpoint: second.dynamoDb.endpoint });
      await client.send(
        new DeleteCommand({
          TableName: second.tables.stores,
          Key: { pk: `APIKEY#${hashApiKey(second.apiKeys.storeA)}`, sk: 'APIKEY' },
        }),
      );
      client.destroy();

      // Act
      const inFirst = await api(stack).get('/v1/cases?customerId=c-1', { apiKey: stack.apiKeys.storeA });
      const inSecond = await api(second).get('/v1/cases?customerId=c-1', { apiKey: second.apiKeys.storeA });

      // Assess
      expect(inFirst.status).toBe(200);
      expect(inSecond.status).toBe(401);
    });
  });

  it('still serves the first stack after the second one stopped', async () => {
    // Act
    const response = await api(stack).get('/v1/cases?customerId=c-1', { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ items: [] });
  });
});

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
  body: JSON.stringify({
    event,
    context: { functionName: context.functionName, remaining: context.getRemainingTimeInMillis() },
  }),
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
    {
      ...declaration({ name: 'malformed', path: '/v1/malformed' }),
      invoke: (async () => ({})) as unknown as HttpHandler,
    },
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
    const { event, context } = json() as {
      event: APIGatewayProxyEvent;
      context: Pick<Context, 'functionName'> & { remaining: number };
    };

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
    const text = await call('/v1/things', {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: '{"a":"é"}',
    });
    const binary = await call('/v1/things', {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'image/png' },
      body: Buffer.from([0, 255]),
    });

    // Assess
    expect(text.json().event).toMatchObject({ body: '{"a":"é"}', isBase64Encoded: false });
    expect(binary.json().event).toMatchObject({
      body: Buffer.from([0, 255]).toString('base64'),
      isBase64Encoded: true,
    });
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

describe('Local server: a failure before the handler', () => {
  let server: LocalServer;
  const logger = { info: vi.fn(), error: vi.fn() };

  beforeAll(async () => {
    server = await startLocalServer({ host: '127.0.0.1', port: 0, logger });
    server.mount({
      api: [
        {
          ...declaration({ name: 'staffThing', path: '/v1/staff-thing', auth: 'staff', roles: ['agent'] }),
          invoke: echo,
        },
      ],
      local: [],
      verifyStaffToken: async () => {
        throw new Error('key set unreachable');
      },
    });
  });
  afterAll(async () => server?.close());

  it('still answers: a 500 with a request id, not a request left without an answer', async () => {
    // Act
    const response = await fetch(`${server.url}/v1/staff-thing`, {
      headers: { authorization: 'Bearer x.y.z' },
      signal: AbortSignal.timeout(5_000),
    });

    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('internal_error');
  });
});
