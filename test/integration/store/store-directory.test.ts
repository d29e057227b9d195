import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedStoreDirectory } from '../../../functions/adapters/cached-store-directory.js';
import { DynamoStoreDirectory } from '../../../functions/adapters/dynamodb/dynamo-store-directory.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import { DEFAULT_POLICY } from '../../../functions/domain/policy/store-policy.js';
import { freshStoreId, startDynamoFixture, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;
let directory: DynamoStoreDirectory;

beforeAll(async () => {
  fixture = await startDynamoFixture();
  directory = new DynamoStoreDirectory(fixture.client, fixture.tables.stores);
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
    const cached = new CachedStoreDirectory(directory, 60_000);
    const before = await cached.getPolicy(storeId);

    // Act
    await cached.savePolicy(storeId, { ...before, returnWindowDays: 30 });

    // Assess
    expect(before.returnWindowDays).toBe(DEFAULT_POLICY.returnWindowDays);
    expect(await cached.getPolicy(storeId)).toMatchObject({ version: 2, returnWindowDays: 30 });
  });
});
