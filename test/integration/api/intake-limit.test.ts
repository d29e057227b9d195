import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { signInAll, type Staff } from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  // Store B takes 3 new cases an hour per customer.
  const { storeId: _storeId, version, ...profile } = (await staff.admin3.get('/v1/admin/store')).json;
  const saved = await staff.admin3.put('/v1/admin/store', { ...profile, version, intakeLimitPerCustomerPerHour: 3 });
  expect(saved.status, saved.text).toBe(200);
});
afterAll(async () => stack?.stop());

let customers = 0;
const newCustomerId = () => `c-limit-${Date.now()}-${(customers += 1)}`;

const requestOf = (customerId: string) =>
  returnRequest({ customer: { id: customerId, email: 'li.lei@example.com', name: 'Li Lei', locale: 'en' } });

const file = (customerId: string, headers: Record<string, string> = {}, body = requestOf(customerId)) =>
  api(stack).post('/v1/cases', body, { apiKey: stack.apiKeys.storeB, headers });

const casesOf = async (customerId: string): Promise<number> =>
  (await api(stack).get(`/v1/cases?customerId=${customerId}`, { apiKey: stack.apiKeys.storeB })).json.items.length;

describe('API: POST /v1/cases, new cases per customer and hour', () => {
  it('shows the default (20) and the saved setting in the store profile; refuses 0 and 1001 naming the field', async () => {
    expect((await staff.admin1.get('/v1/admin/store')).json.intakeLimitPerCustomerPerHour).toBe(20);
    expect((await staff.admin3.get('/v1/admin/store')).json.intakeLimitPerCustomerPerHour).toBe(3);
    const { storeId: _storeId, ...profile } = (await staff.admin3.get('/v1/admin/store')).json;
    for (const limit of [0, 1001, 2.5]) {
      const response = await staff.admin3.put('/v1/admin/store', { ...profile, intakeLimitPerCustomerPerHour: limit });
      expect(response.status).toBe(400);
      expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual([
        'intakeLimitPerCustomerPerHour',
      ]);
    }
  });

  it('answers 429 rate_limited with Retry-After past the limit, writing nothing; other customers go on', async () => {
    // Prepare
    const customerId = newCustomerId();
    for (let index = 0; index < 3; index += 1) expect((await file(customerId)).status).toBe(201);

    // Act
    const refused = await file(customerId);
    const other = await file(newCustomerId());

    // Assess
    expect(refused.status, refused.text).toBe(429);
    expect(refused.json.error.code).toBe('rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(other.status).toBe(201);
    expect(await casesOf(customerId)).toBe(3);
  });

  it('counts an idempotent replay once', async () => {
    // Prepare
    const customerId = newCustomerId();
    const body = requestOf(customerId);
    const key = { 'idempotency-key': `k-${customerId}` };
    const first = await file(customerId, key, body);

    // Act: the same request twice more, then three new ones.
    const replays = [await file(customerId, key, body), await file(customerId, key, body)];
    const second = await file(customerId);
    const third = await file(customerId);
    const fourth = await file(customerId);

    // Assess
    expect(first.status).toBe(201);
    expect(replays.map((replay) => replay.json.caseId)).toEqual([first.json.caseId, first.json.caseId]);
    expect([second.status, third.status, fourth.status]).toEqual([201, 201, 429]);
  });

  it('never lets concurrent requests overshoot the limit', async () => {
    // Prepare
    const customerId = newCustomerId();

    // Act
    const responses = await Promise.all(Array.from({ length: 10 }, () => file(customerId)));

    // Assess: at most 3 filed, the others refused (429) or told to retry (503), none half-written.
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => ![201, 429, 503].includes(status))).toEqual([]);
    const created = statuses.filter((status) => status === 201).length;
    expect(created).toBeLessThanOrEqual(3);
    expect(created).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await casesOf(customerId)) === created);
  });
});
