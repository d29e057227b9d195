import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedStoreDirectory } from '../../../functions/adapters/cached-store-directory.js';
import { DynamoStoreDirectory } from '../../../functions/adapters/dynamodb/dynamo-store-directory.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import { DEFAULT_POLICY } from '../../../functions/domain/policy/store-policy.js';
import { DEFAULT_SLA_POLICY } from '../../../functions/domain/sla/sla-policy.js';
import {
  freshStoreId,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from './dynamodb-fixture.js';

let fixture: DynamoFixture;
let directory: DynamoStoreDirectory;

beforeAll(async () => {
  fixture = await startDynamoFixture();
  directory = fixture.stores;
});
afterAll(async () => fixture?.stop());

describe('Function: DynamoStoreDirectory.savePolicy', () => {
  it('saves version 2 over the default, then 3, whatever version the caller sent', async () => {
    // Prepare
    const storeId = freshStoreId();

    // Act
    const second = await directory.savePolicy(storeId, { ...DEFAULT_POLICY, returnWindowDays: 10, version: 99 });
    const third = await directory.savePolicy(storeId, { ...second, exchangeWindowDays: 20 });

    // Assess
    expect(second).toMatchObject({ version: 2, returnWindowDays: 10 });
    expect(third).toMatchObject({ version: 3, returnWindowDays: 10, exchangeWindowDays: 20 });
    expect(await directory.getPolicy(storeId)).toEqual(third);
  });

  it('never loses an update: concurrent saves each get their own version or a StateConflictError', async () => {
    // Prepare
    const storeId = freshStoreId();
    await directory.savePolicy(storeId, DEFAULT_POLICY);

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        directory.savePolicy(storeId, { ...DEFAULT_POLICY, highValueThreshold: 1000 + index }),
      ),
    );

    // Assess
    const saved = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(failures.every((failure) => failure instanceof StateConflictError)).toBe(true);
    const versions = saved.map((policy) => policy.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: saved.length }, (_, index) => 3 + index));
    expect((await directory.getPolicy(storeId)).version).toBe(2 + saved.length);
  });
});

describe('Function: CachedStoreDirectory.savePolicy', () => {
  it('shows the saved policy at once, although the cache would keep the old one for a minute', async () => {
    // Prepare
    const storeId = freshStoreId();
    const cached = new CachedStoreDirectory(directory, { ttlMs: 60_000 });
    const before = await cached.getPolicy(storeId);

    // Act
    await cached.savePolicy(storeId, { ...before, returnWindowDays: 30 });

    // Assess
    expect(before.returnWindowDays).toBe(DEFAULT_POLICY.returnWindowDays);
    expect(await cached.getPolicy(storeId)).toMatchObject({ version: 2, returnWindowDays: 30 });
  });
});

describe('Function: DynamoStoreDirectory.getSlaPolicy', () => {
  it.each([
    ["the store profile's timezone", 'Europe/Berlin', 'Europe/Berlin'],
    ['the default timezone without a store profile', undefined, DEFAULT_SLA_POLICY.calendar.timezone],
  ])('returns the default policy, version 0, on %s when none was saved', async (_label, storeTimezone, expected) => {
    // Prepare
    const storeId = freshStoreId();
    if (storeTimezone) await putStoreProfile(fixture, storeProfile(storeId, { timezone: storeTimezone }));

    // Act
    const policy = await directory.getSlaPolicy(storeId);

    // Assess
    expect(policy).toEqual({
      ...DEFAULT_SLA_POLICY,
      calendar: { ...DEFAULT_SLA_POLICY.calendar, timezone: expected },
      version: 0,
    });
  });

  it("returns the saved calendar's timezone, not the store profile's, once a policy was saved", async () => {
    // Prepare
    const storeId = freshStoreId();
    await putStoreProfile(fixture, storeProfile(storeId, { timezone: 'Europe/Berlin' }));
    const calendar = { timezone: 'America/New_York', alwaysOpen: true };

    // Act
    await directory.saveSlaPolicy(storeId, { ...DEFAULT_SLA_POLICY, calendar, version: 0 });

    // Assess
    expect((await directory.getSlaPolicy(storeId)).calendar).toEqual(calendar);
  });
});

describe('Function: DynamoStoreDirectory.saveSlaPolicy', () => {
  it('saves version 1 over the default, then 2, whatever version the caller sent', async () => {
    // Prepare
    const storeId = freshStoreId();
    const { warnAt: _warnAt, ...noWarning } = DEFAULT_SLA_POLICY.escalation;

    // Act
    const first = await directory.saveSlaPolicy(storeId, { ...DEFAULT_SLA_POLICY, revisitAfter: 'P3D', version: 99 });
    const second = await directory.saveSlaPolicy(storeId, { ...first, escalation: noWarning });

    // Assess
    expect(first).toMatchObject({ version: 1, revisitAfter: 'P3D' });
    expect(second).toEqual({ ...DEFAULT_SLA_POLICY, revisitAfter: 'P3D', escalation: noWarning, version: 2 });
    expect(await directory.getSlaPolicy(storeId)).toEqual(second);
  });

  it('never loses an update: concurrent saves each get their own version or a StateConflictError', async () => {
    // Prepare
    const storeId = freshStoreId();
    await directory.saveSlaPolicy(storeId, { ...DEFAULT_SLA_POLICY, version: 0 });

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        directory.saveSlaPolicy(storeId, { ...DEFAULT_SLA_POLICY, revisitAfter: `P${index + 1}D`, version: 1 }),
      ),
    );

    // Assess
    const saved = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(failures.every((failure) => failure instanceof StateConflictError)).toBe(true);
    const versions = saved.map((policy) => policy.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: saved.length }, (_, index) => 2 + index));
    const stored = await directory.getSlaPolicy(storeId);
    expect(stored.version).toBe(1 + saved.length);
    expect(saved).toContainEqual(stored);
  });
});

describe('Function: CachedStoreDirectory.getSlaPolicy and saveSlaPolicy', () => {
  it("keeps the policy it read, although another function saved a newer one, until this one's own save", async () => {
    // Prepare
    const storeId = freshStoreId();
    const cached = new CachedStoreDirectory(directory, { ttlMs: 60_000 });
    const before = await cached.getSlaPolicy(storeId);
    await directory.saveSlaPolicy(storeId, { ...before, surveyDelay: 'PT1H' });

    // Act
    const whileCached = await cached.getSlaPolicy(storeId);
    await cached.saveSlaPolicy(storeId, { ...whileCached, revisitAfter: 'P2D' });
    const afterSave = await cached.getSlaPolicy(storeId);

    // Assess
    expect(whileCached).toEqual(before);
    expect(afterSave).toEqual({ ...DEFAULT_SLA_POLICY, revisitAfter: 'P2D', version: 2 });
  });

  it('refuses a save that replaces a version another function saved over, although its cache still shows it', async () => {
    // Prepare: this function's cache holds version 0; another function saves version 1.
    const storeId = freshStoreId();
    const cached = new CachedStoreDirectory(directory, { ttlMs: 60_000 });
    const read = await cached.getSlaPolicy(storeId);
    const newer = await directory.saveSlaPolicy(storeId, { ...read, surveyDelay: 'PT1H' }, 0);

    // Act: an admin edits the version they read (0).
    const stale = cached.saveSlaPolicy(storeId, { ...read, revisitAfter: 'P2D' }, read.version);

    // Assess
    await expect(stale).rejects.toBeInstanceOf(StateConflictError);
    expect(await directory.getSlaPolicy(storeId)).toEqual(newer);
    expect(await directory.saveSlaPolicy(storeId, { ...newer, revisitAfter: 'P2D' }, newer.version)).toMatchObject({
      version: 2,
      surveyDelay: 'PT1H',
      revisitAfter: 'P2D',
    });
  });

  it('reads the saved policy again when asked for a fresh one, and keeps that', async () => {
    // Prepare: this function's cache holds version 0; another function saves version 1.
    const storeId = freshStoreId();
    const cached = new CachedStoreDirectory(directory, { ttlMs: 60_000 });
    await cached.getSlaPolicy(storeId);
    const newer = await directory.saveSlaPolicy(storeId, { ...DEFAULT_SLA_POLICY, revisitAfter: 'P2D', version: 0 });

    // Act
    const whileCached = await cached.getSlaPolicy(storeId);
    const fresh = await cached.getSlaPolicy(storeId, { fresh: true });
    const afterwards = await cached.getSlaPolicy(storeId);

    // Assess
    expect(whileCached.version).toBe(0);
    expect(fresh).toEqual(newer);
    expect(afterwards).toEqual(newer);
  });
});
