import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedStoreDirectory } from '../../../functions/adapters/cached-store-directory.js';
import { DynamoStoreDirectory } from '../../../functions/adapters/dynamodb/dynamo-store-directory.js';
import { newStoreItems } from '../../../functions/adapters/dynamodb/store-items.js';
import { hashApiKey, newApiKey } from '../../../functions/domain/api-key.js';
import { StateConflictError, TransientError } from '../../../functions/domain/errors.js';
import { freshStoreId, startDynamoFixture, storeProfile, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;
let now = new Date('2026-11-22T08:00:00.000Z');
let directory: DynamoStoreDirectory;

beforeAll(async () => {
  fixture = await startDynamoFixture();
  directory = new DynamoStoreDirectory(fixture.client, fixture.tables.stores, () => now);
});
afterAll(async () => fixture?.stop());

const HOUR_MS = 3_600_000;
const later = (ms: number) => new Date(now.getTime() + ms);

/** A store written as `scripts/create-store.ts` writes it; returns its id and key. */
const createdStore = async (): Promise<{ storeId: string; apiKey: string }> => {
  const storeId = freshStoreId();
  const apiKey = newApiKey();
  const items = newStoreItems(storeProfile(storeId), { apiKey, gatewayKeyId: 'gw-1', issuedAt: now });
  await fixture.client.send(
    new TransactWriteCommand({
      TransactItems: items.map((item) => ({ Put: { TableName: fixture.tables.stores, Item: item } })),
    }),
  );
  return { storeId, apiKey };
};

const rotate = (storeId: string, overlapMs: number, apiKey = newApiKey()) =>
  directory
    .rotateApiKey(storeId, { keyHash: hashApiKey(apiKey), issuedAt: now, previousValidUntil: later(overlapMs) })
    .then((ring) => ({ ring, apiKey }));

describe('Function: DynamoStoreDirectory.rotateApiKey', () => {
  it('keeps the key create-store issued valid for the overlap only, the new one from the start', async () => {
    // Prepare
    const { storeId, apiKey: first } = await createdStore();
    expect((await directory.findStoreByApiKey(first))?.storeId).toBe(storeId);

    // Act
    const { ring, apiKey: second } = await rotate(storeId, 24 * HOUR_MS);

    // Assess
    expect(ring).toMatchObject({
      currentKeyHash: hashApiKey(second),
      retired: [{ keyHash: hashApiKey(first), validUntil: later(24 * HOUR_MS).toISOString(), gatewayKeyId: 'gw-1' }],
    });
    expect((await directory.findStoreByApiKey(first))?.storeId).toBe(storeId);
    expect((await directory.findStoreByApiKey(second))?.storeId).toBe(storeId);
    now = later(24 * HOUR_MS);
    expect(await directory.findStoreByApiKey(first)).toBeUndefined();
    expect((await directory.findStoreByApiKey(second))?.storeId).toBe(storeId);
  });

  it('never leaves a half-done rotation under concurrent rotations: a key answered OK works, a refused one never', async () => {
    // Prepare
    const { storeId, apiKey: original } = await createdStore();
    const keys = [newApiKey(), newApiKey()];

    // Act
    const results = await Promise.allSettled(keys.map((apiKey) => rotate(storeId, HOUR_MS, apiKey)));

    // Assess: overlapping rotations are refused by the ring's condition (409) or cancelled by DynamoDB on a transaction
    // conflict (503); rotations that did not overlap both pass, the later one's key current.
    const ring = await directory.findKeyRing(storeId, { consistent: true });
    const passed = keys.filter((_, index) => results[index]?.status === 'fulfilled').map(hashApiKey);
    if (passed.length > 0) expect(passed).toContain(ring?.currentKeyHash);
    for (const [index, result] of results.entries()) {
      const found = await directory.findStoreByApiKey(keys[index] as string);
      if (result.status === 'fulfilled') {
        expect(found?.storeId).toBe(storeId);
      } else {
        const reason: unknown = result.reason;
        expect(reason instanceof StateConflictError || reason instanceof TransientError, String(reason)).toBe(true);
        expect(found).toBeUndefined();
      }
    }
    expect((await directory.findStoreByApiKey(original))?.storeId).toBe(storeId);
  });

  it('never lets a store reach another store: a rotation of store B leaves store A and its key alone', async () => {
    const storeA = await createdStore();
    const storeB = await createdStore();

    await rotate(storeB.storeId, 0);

    expect((await directory.findStoreByApiKey(storeA.apiKey))?.storeId).toBe(storeA.storeId);
    expect(await directory.findStoreByApiKey(storeB.apiKey)).toBeUndefined();
  });
});

describe('Function: CachedStoreDirectory.findStoreByApiKey', () => {
  it('decides validity on its clock at each call, though the key item is cached', async () => {
    // Prepare
    const { storeId, apiKey } = await createdStore();
    const cached = new CachedStoreDirectory(directory, 60 * 60_000, () => now.getTime());
    expect((await cached.findStoreByApiKey(apiKey))?.storeId).toBe(storeId);

    // Act: rotated through the cache with an overlap of a minute, then two minutes pass (within the cache's TTL).
    await cached.rotateApiKey(storeId, {
      keyHash: hashApiKey(newApiKey()),
      issuedAt: now,
      previousValidUntil: later(60_000),
    });
    const within = await cached.findStoreByApiKey(apiKey);
    now = later(120_000);
    const after = await cached.findStoreByApiKey(apiKey);

    // Assess
    expect(within?.storeId).toBe(storeId);
    expect(after).toBeUndefined();
  });
});
