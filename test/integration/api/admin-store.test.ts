import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { hashApiKey } from '../../../functions/domain/api-key.js';
import { returnRequest } from '../../support/case-requests.js';
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

const pathsOf = (response: { json: { error: { details: Array<{ path: string }> } } }): string[] =>
  response.json.error.details.map((detail) => detail.path);

/** Store B's storefront lists a customer's cases with `apiKey`: 200 while the key works, 401 once refused. */
const statusWithKey = async (apiKey: string): Promise<number> =>
  (await api(stack).get('/v1/cases?customerId=c-42', { apiKey })).status;

describe('API: GET /v1/admin/store', () => {
  it("shows the admin's own store, version 0 before any save, with the default reopen window and KPI targets", async () => {
    // Act
    const storeA = await staff.admin1.get('/v1/admin/store');
    const storeB = await staff.admin3.get('/v1/admin/store');

    // Assess
    expect(storeA.status).toBe(200);
    expect(storeA.json).toEqual({
      storeId: 'store-a',
      name: 'Demo Store A',
      timezone: 'Asia/Shanghai',
      defaultLocale: 'zh-CN',
      supervisorEmails: expect.any(Array),
      adminEmails: expect.any(Array),
      caseNumberPrefix: 'AS',
      reviewReminderAfter: 'P1D',
      reopenWindow: 'P7D',
      awaitingCustomerReminderAfter: 'P3D',
      awaitingCustomerLimit: 'P7D',
      awaitingCustomerOutcome: 'resolve_no_action',
      kpiTargets: { firstResponseMaxMinutes: 240, resolutionRateMin: 0.9, csatMin: 0.85 },
      compensationLimit: 5000,
      intakeLimitPerCustomerPerHour: 20,
      version: 0,
    });
    expect(storeB.json).toMatchObject({ storeId: 'store-b', caseNumberPrefix: 'BS' });
  });

  it.each(['agent1', 'supervisor1'] as const)('refuses %s with 403 (admins only)', async (username) => {
    expect((await staff[username].get('/v1/admin/store')).status).toBe(403);
    expect((await staff[username].post('/v1/admin/store/api-keys', {})).status).toBe(403);
  });
});

describe('API: PUT /v1/admin/store', () => {
  it('lists every invalid field in one 400 and refuses a storeId in the body, changing nothing', async () => {
    // Prepare
    const profile = (await staff.admin1.get('/v1/admin/store')).json;

    // Act
    const response = await staff.admin1.put('/v1/admin/store', {
      ...profile,
      name: ' ',
      timezone: 'Mars/Olympus_Mons',
      defaultLocale: 'fr',
      supervisorEmails: ['not-an-address'],
      adminEmails: [],
      caseNumberPrefix: 'as-1',
      reviewReminderAfter: 'PT10S',
      reopenWindow: '7 days',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(pathsOf(response)).toEqual(
      expect.arrayContaining([
        'body', // the unknown key storeId: the store is the caller's, never a body field
        'name',
        'timezone',
        'defaultLocale',
        'supervisorEmails.0',
        'adminEmails',
        'caseNumberPrefix',
        'reviewReminderAfter',
        'reopenWindow',
      ]),
    );
    expect(response.json.error.details).toContainEqual({ path: 'body', message: expect.stringContaining('storeId') });
    expect((await staff.admin1.get('/v1/admin/store')).json).toEqual(profile);
  });

  it('refuses an unknown awaiting-customer outcome, and a reminder that is not before the limit, naming each field', async () => {
    // Prepare
    const { storeId: _storeId, ...profile } = (await staff.admin1.get('/v1/admin/store')).json;

    // Act
    const badOutcome = await staff.admin1.put('/v1/admin/store', { ...profile, awaitingCustomerOutcome: 'ignore' });
    const reminderAfterLimit = await staff.admin1.put('/v1/admin/store', {
      ...profile,
      awaitingCustomerReminderAfter: 'P8D',
      awaitingCustomerLimit: 'P7D',
    });

    // Assess
    expect(badOutcome.status).toBe(400);
    expect(pathsOf(badOutcome)).toEqual(['awaitingCustomerOutcome']);
    expect(reminderAfterLimit.status).toBe(400);
    expect(pathsOf(reminderAfterLimit)).toEqual(['awaitingCustomerReminderAfter']);
    expect((await staff.admin1.get('/v1/admin/store')).json).toMatchObject(profile);
  });

  it('saves the profile with the next version; the new prefix numbers the next case; a stale version is 409', async () => {
    // Prepare
    const { storeId: _storeId, ...profile } = (await staff.admin1.get('/v1/admin/store')).json;
    const edited = {
      ...profile,
      name: 'Store A (renamed)',
      supervisorEmails: ['lead@store-a.example', 'deputy@store-a.example'],
      adminEmails: ['owner@store-a.example'],
      caseNumberPrefix: 'SA26',
      reopenWindow: 'P14D',
      awaitingCustomerLimit: 'P10D',
      awaitingCustomerOutcome: 'flag',
    };

    // Act
    const saved = await staff.admin1.put('/v1/admin/store', edited);
    const stale = await staff.admin1.put('/v1/admin/store', { ...edited, name: 'Lost update' });
    const filed = await api(stack).post('/v1/cases', returnRequest(), { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ ...edited, storeId: 'store-a', version: profile.version + 1 });
    expect(stale.status).toBe(409);
    expect((await staff.admin1.get('/v1/admin/store')).json).toEqual(saved.json);
    expect(filed.json.caseNumber).toMatch(/^SA26-\d{8}-\d{4,}$/);
    expect((await staff.admin3.get('/v1/admin/store')).json).toMatchObject({ name: 'Demo Store B', version: 0 });
  });
});

describe('API: POST /v1/admin/store/api-keys', () => {
  it('refuses an overlap over a week or a malformed one with 400 naming overlap', async () => {
    for (const overlap of ['P8D', 'tomorrow']) {
      const response = await staff.admin3.post('/v1/admin/store/api-keys', { overlap });
      expect(response.status).toBe(400);
      expect(pathsOf(response)).toEqual(['overlap']);
    }
  });

  it('issues a key shown once and stored only as its hash; the old key works until the overlap ends, then 401', async () => {
    // Prepare
    const oldKey = stack.apiKeys.storeB;
    const rotatedAt = clock.now();

    // Act
    const issued = await staff.admin3.post('/v1/admin/store/api-keys', {});

    // Assess: the new key, the default overlap of a day.
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const newKey = issued.json.apiKey as string;
    expect(newKey).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(issued.json.previousKeyValidUntil) - rotatedAt.getTime()).toBeGreaterThanOrEqual(
      86_400_000 - 5_000,
    );
    expect(Date.parse(issued.json.previousKeyValidUntil) - rotatedAt.getTime()).toBeLessThanOrEqual(86_400_000 + 5_000);
    await expectOnlyTheHashStored(newKey);
    expect(await statusWithKey(newKey)).toBe(200);
    expect(await statusWithKey(oldKey)).toBe(200);
    expect(await statusWithKey(stack.apiKeys.storeA)).toBe(200);

    // Act: a day and a minute later.
    clock.setTo(new Date(Date.parse(issued.json.previousKeyValidUntil) + 60_000));

    // Assess
    expect(await statusWithKey(oldKey)).toBe(401);
    expect(await statusWithKey(newKey)).toBe(200);
    expect(await statusWithKey(stack.apiKeys.storeA)).toBe(200);

    // Act: rotated again with a short overlap, as for a leaked key.
    const again = await staff.admin3.post('/v1/admin/store/api-keys', { overlap: 'PT1S' });

    // Assess
    expect(again.status).toBe(201);
    expect(await statusWithKey(again.json.apiKey)).toBe(200);
    expect(await statusWithKey(newKey)).toBe(200);
    clock.setTo(new Date(Date.parse(again.json.previousKeyValidUntil) + 1_000));
    expect(await statusWithKey(newKey)).toBe(401);
    expect(await statusWithKey(again.json.apiKey)).toBe(200);
  });
});

const expectOnlyTheHashStored = async (apiKey: string): Promise<void> => {
  const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
  try {
    const lookup = await client.send(
      new GetCommand({ TableName: stack.tables.stores, Key: { pk: `APIKEY#${hashApiKey(apiKey)}`, sk: 'APIKEY' } }),
    );
    const ring = await client.send(
      new GetCommand({ TableName: stack.tables.stores, Key: { pk: 'STORE#store-b', sk: 'APIKEYS' } }),
    );
    expect(lookup.Item).toMatchObject({ storeId: 'store-b', issuedAt: expect.any(String) });
    expect(ring.Item).toMatchObject({ currentKeyHash: hashApiKey(apiKey) });
    expect(JSON.stringify([lookup.Item, ring.Item])).not.toContain(apiKey);
  } finally {
    client.destroy();
  }
};
