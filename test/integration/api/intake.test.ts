import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';

let stack: TestStack;
let storeA: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startTestStack();
  storeA = api(stack);
});
afterAll(async () => stack?.stop());

const A = () => stack.apiKeys.storeA;
const B = () => stack.apiKeys.storeB;

const caseStatus = async (caseId: string, apiKey = A()) => (await storeA.get(`/v1/cases/${caseId}`, { apiKey })).json;

describe('API: POST /v1/cases', () => {
  it('files an in-window return, approves it within seconds and emails the acknowledgement with the case number', async () => {
    const customerEmail = `approved-${Date.now()}@example.com`;
    const request = returnRequest({
      customer: { id: 'c-approve', email: customerEmail, name: 'Li Lei', locale: 'zh-CN' },
    });

    const created = await storeA.post('/v1/cases', request, { apiKey: A() });

    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'submitted' });
    expect(created.json.caseNumber).toMatch(/^AS-\d{8}-\d{4,}$/);
    expect(created.headers.get('x-request-id')).toBeTruthy();
    // Opened, and then perhaps assigned at once: `open` can last less than one poll.
    const opened = await waitFor(async () => {
      const view = await caseStatus(created.json.caseId);
      return ['open', 'assigned'].includes(view.status) ? view : undefined;
    });
    expect(opened.decision).toMatchObject({ outcome: 'approved', reasons: [] });
    expect(opened.timeline.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['case_submitted', 'decision_made', 'status_changed']),
    );
    const [acknowledgement] = await waitFor(async () => {
      const emails = await emailsTo(stack, customerEmail);
      return emails.length ? emails : undefined;
    });
    expect(acknowledgement?.subject).toContain(created.json.caseNumber);
  });

  it('rejects a return 35 days after delivery with every reason and emails them in the customer language', async () => {
    const customerEmail = `late-${Date.now()}@example.com`;
    const request = returnRequest(
      { customer: { id: 'c-late', email: customerEmail, name: 'Jane Doe', locale: 'en' } },
      35,
    );

    const created = await storeA.post('/v1/cases', request, { apiKey: A() });

    const rejected = await waitFor(async () => {
      const view = await caseStatus(created.json.caseId);
      return view.status === 'rejected' ? view : undefined;
    });
    expect(rejected.decision.outcome).toBe('rejected');
    expect(rejected.decision.reasons).toEqual([expect.objectContaining({ code: 'return_window_expired' })]);
    expect(rejected.decision.reasons[0].message).toMatch(/7/);
    const [email] = await waitFor(async () => {
      const emails = await emailsTo(stack, customerEmail);
      return emails.length ? emails : undefined;
    });
    expect(email?.text).toContain(rejected.decision.reasons[0].message);
  });

  it('sends an order line over the auto-approve limit to manual review and emails the supervisors', async () => {
    const request = returnRequest({
      items: [{ sku: 'TV-1', name: 'Television', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    });

    const created = await storeA.post('/v1/cases', request, { apiKey: A() });

    const pending = await waitFor(async () => {
      const view = await caseStatus(created.json.caseId);
      return view.status === 'pending_review' ? view : undefined;
    });
    expect(pending.decision.reasons).toEqual([expect.objectContaining({ code: 'value_above_auto_approve_limit' })]);
    await waitFor(async () =>
      (await emailsTo(stack, 'supervisor1@store-a.example')).find((email) =>
        email.subject.includes(created.json.caseNumber),
      ),
    );
    const stored = await waitFor(async () => (await stack.dependencies.cases.get(created.json.caseId))?.workflowWait);
    expect(stored).toMatchObject({ signal: 'review', taskToken: expect.any(String) });
  });
});

describe('API: bad input', () => {
  const badCustomer = 'c-bad-input';
  const valid = () => returnRequest({ customer: { id: badCustomer, email: 'x@example.com', name: 'X', locale: 'en' } });

  it.each([
    ['malformed JSON', '{"orderId": ', 'application/json', 400, 'malformed_json'],
    ['a non-JSON content type', 'orderId=1', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    [
      'a body over 64 KB',
      JSON.stringify({ description: 'x'.repeat(70_000) }),
      'application/json',
      413,
      'payload_too_large',
    ],
  ])('answers %s with its 4xx', async (_label, body, contentType, status, code) => {
    const response = await storeA.raw('POST', '/v1/cases', body, {
      apiKey: A(),
      headers: { 'content-type': contentType },
    });
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('lists every invalid field by path', async () => {
    const response = await storeA.post(
      '/v1/cases',
      {
        ...valid(),
        type: 'teleport',
        items: [{ sku: 'A', name: 'A', category: 'c', quantity: 0, unitPrice: 1 }],
        currency: 'yuan',
      },
      { apiKey: A() },
    );
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('validation_failed');
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(
      expect.arrayContaining(['type', 'items.0.quantity', 'currency']),
    );
  });

  it('refuses a malformed Idempotency-Key, naming the header', async () => {
    const response = await storeA.post('/v1/cases', valid(), {
      apiKey: A(),
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('Idempotency-Key');
  });

  it('stored nothing for any of them', async () => {
    const listed = await storeA.get(`/v1/cases?customerId=${badCustomer}`, { apiKey: A() });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual([]);
  });
});

describe('API: stores and keys', () => {
  it("gives store B a 404 for store A's case and never lists it", async () => {
    const created = await storeA.post(
      '/v1/cases',
      returnRequest({ customer: { id: 'c-tenant', email: 't@example.com', name: 'T', locale: 'en' } }),
      { apiKey: A() },
    );

    const read = await storeA.get(`/v1/cases/${created.json.caseId}`, { apiKey: B() });
    const listed = await storeA.get('/v1/cases?customerId=c-tenant', { apiKey: B() });

    expect(read.status).toBe(404);
    expect(read.json.error.code).toBe('not_found');
    expect(listed.json.items).toEqual([]);
  });

  it.each([
    ['no key', undefined],
    ['an unknown key', 'not-a-key'],
  ])('answers %s with 401', async (_label, apiKey) => {
    const response = await storeA.get('/v1/cases?customerId=c-1', { apiKey });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('unauthenticated');
  });

  it('answers an unknown case id with 404, whatever its shape', async () => {
    expect((await storeA.get('/v1/cases/cs_00000000000000000000000000', { apiKey: A() })).status).toBe(404);
    expect((await storeA.get('/v1/cases/..%2F..%2Fetc', { apiKey: A() })).status).toBe(404);
  });
});

describe('API: Idempotency-Key', () => {
  it('returns the same case with 200 for the same key and body, and 409 for another body', async () => {
    const request = returnRequest();
    const key = `idem-${Date.now()}`;

    const first = await storeA.post('/v1/cases', request, { apiKey: A(), headers: { 'idempotency-key': key } });
    const again = await storeA.post('/v1/cases', request, { apiKey: A(), headers: { 'idempotency-key': key } });
    const other = await storeA.post(
      '/v1/cases',
      { ...request, description: 'Another problem' },
      { apiKey: A(), headers: { 'idempotency-key': key } },
    );

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.caseId).toBe(first.json.caseId);
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('idempotency_conflict');
  });

  it('creates one case for 20 concurrent requests with one key', async () => {
    const customerId = `c-concurrent-${Date.now()}`;
    const request = returnRequest({ customer: { id: customerId, email: 'c@example.com', name: 'C', locale: 'en' } });
    const key = `concurrent-${Date.now()}`;

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        storeA.post('/v1/cases', request, { apiKey: A(), headers: { 'idempotency-key': key } }),
      ),
    );

    expect(responses.map((response) => response.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(responses.map((response) => response.json.caseId)).size).toBe(1);
    const listed = await storeA.get(`/v1/cases?customerId=${customerId}`, { apiKey: A() });
    expect(listed.json.items).toHaveLength(1);
  });

  it('keeps keys apart per store', async () => {
    const key = `shared-${Date.now()}`;
    const inA = await storeA.post('/v1/cases', returnRequest(), { apiKey: A(), headers: { 'idempotency-key': key } });
    const inB = await storeA.post('/v1/cases', returnRequest(), { apiKey: B(), headers: { 'idempotency-key': key } });
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inB.json.caseNumber).toMatch(/^BS-/);
  });
});

describe('API: GET /v1/cases?customerId=', () => {
  it('pages newest first and refuses a token from another listing', async () => {
    const customerId = `c-pages-${Date.now()}`;
    const customer = { id: customerId, email: 'p@example.com', name: 'P', locale: 'en' as const };
    for (const description of ['first', 'second', 'third']) {
      await storeA.post('/v1/cases', returnRequest({ customer, description }), { apiKey: A() });
    }

    const page1 = await storeA.get(`/v1/cases?customerId=${customerId}&limit=2`, { apiKey: A() });
    const page2 = await storeA.get(`/v1/cases?customerId=${customerId}&limit=2&nextToken=${page1.json.nextToken}`, {
      apiKey: A(),
    });
    const foreign = await storeA.get(`/v1/cases?customerId=c-other&nextToken=${page1.json.nextToken}`, { apiKey: A() });

    expect(page1.json.items).toHaveLength(2);
    expect(page1.json.items[0].createdAt >= page1.json.items[1].createdAt).toBe(true);
    expect(page2.json.items).toHaveLength(1);
    expect(page2.json.nextToken).toBeUndefined();
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.details[0].path).toBe('nextToken');
  });
});

describe('API: POST /v1/eligibility', () => {
  it('answers the decision a case would get and stores nothing', async () => {
    const customerId = `c-eligibility-${Date.now()}`;
    const request = returnRequest(
      { customer: { id: customerId, email: 'e@example.com', name: 'E', locale: 'en' } },
      35,
    );

    const response = await storeA.post('/v1/eligibility', request, { apiKey: A() });

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      outcome: 'rejected',
      reasons: [expect.objectContaining({ code: 'return_window_expired' })],
    });
    expect((await storeA.get(`/v1/cases?customerId=${customerId}`, { apiKey: A() })).json.items).toEqual([]);
  });
});

describe('API: attachments as evidence', () => {
  const faultRequest = (attachments: string[]) =>
    returnRequest({ type: 'product_fault', attachments, description: 'It stopped heating after a week.' });

  it('approves a product fault whose photo was uploaded, and asks for the evidence of one without', async () => {
    const photo = Buffer.from('fake-jpeg-bytes');
    const ticket = await storeA.post(
      '/v1/attachments',
      { fileName: 'leak.jpg', contentType: 'image/jpeg', size: photo.length },
      { apiKey: A() },
    );
    expect(ticket.status).toBe(201);
    const upload = await fetch(ticket.json.uploadUrl, {
      method: 'PUT',
      headers: ticket.json.uploadHeaders,
      body: photo,
    });
    expect(upload.status).toBe(200);

    const withEvidence = await storeA.post('/v1/eligibility', faultRequest([ticket.json.attachmentId]), {
      apiKey: A(),
    });
    const without = await storeA.post('/v1/eligibility', faultRequest([]), { apiKey: A() });
    const otherStore = await storeA.post('/v1/eligibility', faultRequest([ticket.json.attachmentId]), { apiKey: B() });

    expect(withEvidence.json.outcome).toBe('approved');
    expect(withEvidence.json.reasons).toEqual([]);
    // Missing evidence is not ineligibility: approved, the customer asked for it (store default `request`).
    expect(without.json.outcome).toBe('approved');
    expect(without.json.reasons.map((reason: { code: string }) => reason.code)).toEqual(['evidence_requested']);
    expect(otherStore.json.reasons.map((reason: { code: string }) => reason.code)).toEqual(['evidence_requested']);
  });

  it('refuses a type or size outside the limits, naming the field', async () => {
    const exe = await storeA.post(
      '/v1/attachments',
      { fileName: 'a.exe', contentType: 'application/x-msdownload', size: 10 },
      { apiKey: A() },
    );
    const huge = await storeA.post(
      '/v1/attachments',
      { fileName: 'a.pdf', contentType: 'application/pdf', size: 11 * 1024 * 1024 },
      { apiKey: A() },
    );
    expect(exe.status).toBe(400);
    expect(exe.json.error.details[0].path).toBe('contentType');
    expect(huge.status).toBe(400);
    expect(huge.json.error.details[0].path).toBe('size');
  });
});

describe('API: GET /v1/openapi.json', () => {
  it('publishes every route with its request schema', async () => {
    const response = await storeA.get('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    expect(
      response.json.paths['/v1/cases'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('orderId');
    expect(
      response.json.paths['/v1/cases'].get.parameters.map((parameter: { name: string }) => parameter.name),
    ).toContain('customerId');
  });
});
