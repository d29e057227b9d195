import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { shiftedClock } from '../../support/shifted-clock.js';
import { signInAll, type Staff } from './staff-fixtures.js';

const clock = shiftedClock(new Date());
let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  staff = await signInAll(stack);
});
afterAll(async () => stack?.stop());

/** A storefront lists a customer's cases with `apiKey`: 200 while the key works, 401 once refused. */
const statusWithKey = async (apiKey: string): Promise<number> =>
  (await api(stack).get('/v1/cases?customerId=c-42', { apiKey })).status;

describe('API: POST /v1/admin/store/api-keys with overlap PT0S', () => {
  it('refuses every older key at once, those still in an earlier overlap included', async () => {
    // Prepare: a routine rotation (a day of overlap), both keys working.
    const seeded = stack.apiKeys.storeA;
    const routine = await staff.admin1.post('/v1/admin/store/api-keys', {});
    expect(routine.status).toBe(201);
    expect(await statusWithKey(seeded)).toBe(200);

    // Act: the key leaked; rotated twice with no overlap.
    const first = await staff.admin1.post('/v1/admin/store/api-keys', { overlap: 'PT0S' });
    const second = await staff.admin1.post('/v1/admin/store/api-keys', { overlap: 'PT0S' });

    // Assess
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await statusWithKey(seeded)).toBe(401);
    expect(await statusWithKey(routine.json.apiKey)).toBe(401);
    expect(await statusWithKey(first.json.apiKey)).toBe(401);
    expect(await statusWithKey(second.json.apiKey)).toBe(200);
    expect(await statusWithKey(stack.apiKeys.storeB)).toBe(200);
  });
});

describe('API: GET and DELETE /v1/admin/store/api-keys', () => {
  it("lists the store's keys with id, dates and state, never a key or a hash; another store's keys never", async () => {
    // Prepare
    const issued = await staff.admin3.post('/v1/admin/store/api-keys', { overlap: 'PT1H' });

    // Act
    const listed = await staff.admin3.get('/v1/admin/store/api-keys');
    const otherStore = await staff.admin1.get('/v1/admin/store/api-keys');

    // Assess
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const keys = listed.json.keys as Array<Record<string, unknown>>;
    expect(keys.map((key) => key.state)).toEqual(['current', 'overlap']);
    expect(keys[0]).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      createdAt: issued.json.issuedAt,
      state: 'current',
    });
    expect(keys[1]).toMatchObject({ keyId: expect.any(String), expiresAt: issued.json.previousKeyValidUntil });
    expect(listed.text).not.toContain(issued.json.apiKey);
    expect(listed.text).not.toMatch(/[0-9a-f]{64}/);
    const idsOfA = (otherStore.json.keys as Array<{ keyId: string }>).map((key) => key.keyId);
    for (const key of keys) expect(idsOfA).not.toContain(key.keyId);
  });

  it('revokes a key in its overlap at once (401 from then on), 404 for an unknown id, 409 for the current key', async () => {
    // Prepare
    const before = (await staff.admin3.get('/v1/admin/store/api-keys')).json.keys as Array<{ keyId: string }>;
    const replacedKey = (await staff.admin3.post('/v1/admin/store/api-keys', { overlap: 'PT1H' })).json.apiKey;
    const issued = await staff.admin3.post('/v1/admin/store/api-keys', { overlap: 'PT1H' });
    const keys = (await staff.admin3.get('/v1/admin/store/api-keys')).json.keys as Array<{
      keyId: string;
      state: string;
    }>;
    const [current, replaced] = keys;
    expect(await statusWithKey(replacedKey)).toBe(200);

    // Act
    const revoked = await staff.admin3.delete(`/v1/admin/store/api-keys/${replaced?.keyId}`);
    const currentRevoked = await staff.admin3.delete(`/v1/admin/store/api-keys/${current?.keyId}`);
    const unknown = await staff.admin3.delete('/v1/admin/store/api-keys/0000000000000000');
    const fromOtherStore = await staff.admin1.delete(`/v1/admin/store/api-keys/${replaced?.keyId}`);
    const byAgent = await staff.agent3.delete(`/v1/admin/store/api-keys/${before[0]?.keyId}`);

    // Assess
    expect(revoked.status).toBe(204);
    expect(await statusWithKey(replacedKey)).toBe(401);
    expect(await statusWithKey(issued.json.apiKey)).toBe(200);
    expect(currentRevoked.status).toBe(409);
    expect(unknown.status).toBe(404);
    expect(fromOtherStore.status).toBe(404);
    expect(byAgent.status).toBe(403);
    const after = (await staff.admin3.get('/v1/admin/store/api-keys')).json.keys as Array<{
      keyId: string;
      state: string;
    }>;
    expect(after.find((key) => key.keyId === replaced?.keyId)?.state).toBe('revoked');
  });

  it('refuses a malformed key id with 400 naming keyId', async () => {
    const response = await staff.admin3.delete(`/v1/admin/store/api-keys/${'x'.repeat(200)}`);
    expect(response.status).toBe(400);
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['keyId']);
  });
});

describe('Schedule: retireGatewayKeys on the local stack', () => {
  it('runs with what its declaration grants; locally no key has a gateway id, so there is nothing to disable', async () => {
    expect(await stack.schedules.runNow('retireGatewayKeys')).toEqual({ disabled: 0, failed: 0 });
  });
});
