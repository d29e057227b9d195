import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { hashApiKey } from '../../../functions/domain/api-key.js';
import { newAttachmentId } from '../../../functions/domain/attachment-rules.js';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';

const PDF = Buffer.from('%PDF-1.7 evidence\n');

describe('Local stack: HTTP server', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  const newUpload = (size = PDF.length) =>
    stack.attachments.createUpload({ storeId: 'store-a', attachmentId: newAttachmentId(), contentType: 'application/pdf', size });

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
    expect((await response.json()).error.code).toBe('forbidden');
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
    expect((await response.json()).error.code).toBe('payload_too_large');
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
