import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedStoreDirectory, KEY_CACHE_TTL_MS } from '../../../functions/adapters/cached-store-directory.js';
import { DynamoStoreDirectory } from '../../../functions/adapters/dynamodb/dynamo-store-directory.js';
import { apiKeyKey, newStoreItems } from '../../../functions/adapters/dynamodb/store-items.js';
import { hashApiKey, newApiKey } from '../../../functions/domain/api-key.js';
import { freshStoreId, startDynamoFixture, storeProfile, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;
let directory: DynamoStoreDirectory;
const issuedAt = new Date('2026-11-22T08:00:00.000Z');

beforeAll(async () => {
  fixture = await startDynamoFixture();
  directory = new DynamoStoreDirectory(fixture.client, fixture.tables.stores, () => issuedAt);
});
afterAll(async () => fixture?.stop());

/** A store written as `scripts/create-store.ts` writes it; returns its id and key. */
const createdStore = async (): Promise<{ storeId: string; apiKey: string }> => {
  const storeId = freshStoreId();
  const apiKey = newApiKey();
  await fixture.client.send(
    new TransactWriteCommand({
      TransactItems: newStoreItems(storeProfile(storeId), { apiKey, issuedAt }).map((item) => ({
        Put: { TableName: fixture.tables.stores, Item: item },
      })),
    }),
  );
  return { storeId, apiKey };
};

/** A warm function's cache as deployed (key TTL `KEY_CACHE_TTL_MS`), on a clock the test moves. */
const deployedCache = () => {
  const clock = { ms: issuedAt.getTime() };
  const cache = new CachedStoreDirectory(directory, {
    ttlMs: 60_000,
    now: () => clock.ms,
    serviceNow: () => issuedAt,
    keyTtlMs: KEY_CACHE_TTL_MS,
  });
  return { cache, clock };
};

/** Counts the GetItems the directory sends, to tell a cached answer from a read. */
const readsDuring = async (act: () => Promise<unknown>): Promise<number> => {
  let reads = 0;
  const name = `countReads-${Math.random()}`;
  fixture.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetCommand' || context.commandName === 'GetItemCommand') reads += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await act();
  } finally {
    fixture.client.middlewareStack.remove(name);
  }
  return reads;
};

describe('Class: CachedStoreDirectory with a key TTL', () => {
  it('answers a known key from the cache, with no read, until the TTL runs out', async () => {
    // Prepare
    const { storeId, apiKey } = await createdStore();
    const { cache, clock } = deployedCache();
    expect((await cache.findStoreByApiKey(apiKey))?.storeId).toBe(storeId);

    // Act
    const cachedReads = await readsDuring(() => cache.findStoreByApiKey(apiKey));
    clock.ms += KEY_CACHE_TTL_MS + 1;
    const expiredReads = await readsDuring(() => cache.findStoreByApiKey(apiKey));

    // Assess: the profile stays cached (60 s); only the key's lookup item is read again.
    expect(cachedReads).toBe(0);
    expect(expiredReads).toBe(1);
  });

  it('refuses a key replaced with no overlap by another function once the key TTL has passed, not before', async () => {
    // Prepare: this warm function has just authenticated the key.
    const { storeId, apiKey } = await createdStore();
    const { cache, clock } = deployedCache();
    expect((await cache.findStoreByApiKey(apiKey))?.storeId).toBe(storeId);

    // Act: rotated elsewhere for a leaked key.
    await directory.rotateApiKey(storeId, { keyHash: hashApiKey(newApiKey()), issuedAt, previousValidUntil: issuedAt });
    clock.ms += KEY_CACHE_TTL_MS - 1;
    const within = await cache.findStoreByApiKey(apiKey);
    clock.ms += 2;
    const after = await cache.findStoreByApiKey(apiKey);

    // Assess
    expect(within?.storeId).toBe(storeId);
    expect(after).toBeUndefined();
  });

  it('refuses a key at once when the rotation goes through the same instance', async () => {
    // Prepare
    const { storeId, apiKey } = await createdStore();
    const { cache } = deployedCache();
    expect((await cache.findStoreByApiKey(apiKey))?.storeId).toBe(storeId);

    // Act
    await cache.rotateApiKey(storeId, { keyHash: hashApiKey(newApiKey()), issuedAt, previousValidUntil: issuedAt });

    // Assess
    expect(await cache.findStoreByApiKey(apiKey)).toBeUndefined();
  });

  it('never caches an unknown key: a key written just after a refused lookup works at once', async () => {
    // Prepare
    const { cache } = deployedCache();
    const apiKey = newApiKey();
    const storeId = freshStoreId();
    expect(await cache.findStoreByApiKey(apiKey)).toBeUndefined();

    // Act
    await fixture.client.send(
      new TransactWriteCommand({
        TransactItems: newStoreItems(storeProfile(storeId), { apiKey, issuedAt }).map((item) => ({
          Put: { TableName: fixture.tables.stores, Item: item },
        })),
      }),
    );

    // Assess
    expect((await cache.findStoreByApiKey(apiKey))?.storeId).toBe(storeId);
    const stored = await fixture.client.send(
      new GetCommand({ TableName: fixture.tables.stores, Key: apiKeyKey(apiKey) }),
    );
    expect(stored.Item?.storeId).toBe(storeId);
  });
});
