import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedStoreDirectory } from '../../../functions/adapters/cached-store-directory.js';
import { DynamoStoreDirectory } from '../../../functions/adapters/dynamodb/dynamo-store-directory.js';
import { newStoreItems } from '../../../functions/adapters/dynamodb/store-items.js';
import { apiKeyId, hashApiKey, newApiKey } from '../../../functions/domain/api-key.js';
import { NotFoundError, StateConflictError, TransientError } from '../../../functions/domain/errors.js';
import type { StorefrontKeyGateway } from '../../../functions/ports/storefront-key-gateway.js';
import { retireGatewayKeys } from '../../../functions/use-cases/admin/retire-gateway-keys.js';
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
const createdStore = async (gatewayKeyId = 'gw-1'): Promise<{ storeId: string; apiKey: string }> => {
  const storeId = freshStoreId();
  const apiKey = newApiKey();
  const items = newStoreItems(storeProfile(storeId), { apiKey, gatewayKeyId, issuedAt: now });
  await fixture.client.send(
    new TransactWriteCommand({
      TransactItems: items.map((item) => ({ Put: { TableName: fixture.tables.stores, Item: item } })),
    }),
  );
  return { storeId, apiKey };
};

const rotate = (storeId: string, overlapMs: number, apiKey = newApiKey(), gatewayKeyId?: string) =>
  directory
    .rotateApiKey(storeId, {
      keyHash: hashApiKey(apiKey),
      issuedAt: now,
      previousValidUntil: later(overlapMs),
      ...(gatewayKeyId ? { gatewayKeyId } : {}),
    })
    .then((ring) => ({ ring, apiKey }));

/** The gateway as the sweep sees it: records which keys it was asked to disable. */
const recordingGateway = (): StorefrontKeyGateway & { disabled: string[] } => {
  const disabled: string[] = [];
  return { disabled, register: async () => ({}), disable: async (id) => void disabled.push(id) };
};

/** Runs the sweep until nothing is due, so retirements left by other tests (same table) do not count. */
const sweep = async (gateway: StorefrontKeyGateway) => {
  let total = 0;
  for (;;) {
    const { disabled } = await retireGatewayKeys({ stores: directory, storefrontKeys: gateway });
    total += disabled;
    if (disabled === 0) return total;
  }
};

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
  it('decides validity on its clock at each call, within the cache TTL of the store', async () => {
    // Prepare
    const { storeId, apiKey } = await createdStore();
    const cached = new CachedStoreDirectory(directory, { ttlMs: 60 * 60_000, now: () => now.getTime() });
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

describe('Function: CachedStoreDirectory.findStoreByApiKey across warm functions', () => {
  it('refuses a key replaced with no overlap by another function at once, though this one cached it', async () => {
    // Prepare: two warm functions, each with its cache; this one has just authenticated the key.
    const { storeId, apiKey } = await createdStore();
    const warm = new CachedStoreDirectory(directory, { ttlMs: 60 * 60_000, now: () => now.getTime() });
    const elsewhere = new CachedStoreDirectory(directory, { ttlMs: 60 * 60_000, now: () => now.getTime() });
    expect((await warm.findStoreByApiKey(apiKey))?.storeId).toBe(storeId);

    // Act: rotated by the other function for a leaked key.
    await elsewhere.rotateApiKey(storeId, { keyHash: hashApiKey(newApiKey()), issuedAt: now, previousValidUntil: now });

    // Assess
    expect(await warm.findStoreByApiKey(apiKey)).toBeUndefined();
  });
});

describe('Function: retireGatewayKeys (scheduled sweep)', () => {
  it('disables a replaced key at the gateway once its overlap ends, once; cut short by a later PT0S rotation', async () => {
    // Prepare: create-store issued gw-a1; a rotation (gw-a2) gives it an hour; a sweep of whatever else is due.
    const { storeId } = await createdStore('gw-a1');
    await rotate(storeId, HOUR_MS, newApiKey(), 'gw-a2');
    await sweep(recordingGateway());
    const gateway = recordingGateway();

    // Act and assess: within the overlap nothing; a leaked gw-2 replaced with PT0S ends gw-1 and gw-2 now.
    await sweep(gateway);
    expect(gateway.disabled).toEqual([]);
    await rotate(storeId, 0, newApiKey(), 'gw-a3');
    await sweep(gateway);
    expect(gateway.disabled.sort()).toEqual(['gw-a1', 'gw-a2']);
    now = later(HOUR_MS);
    await sweep(gateway);
    // The original hour's end of gw-a1 comes too: disabling again is harmless. Then nothing more of this store.
    const ours = gateway.disabled.filter((id) => id.startsWith('gw-a'));
    expect(ours.sort()).toEqual(['gw-a1', 'gw-a1', 'gw-a2']);
  });

  it('keeps a key whose disabling failed, for the next run', async () => {
    // Prepare
    const { storeId } = await createdStore('gw-b1');
    await sweep(recordingGateway());
    await rotate(storeId, 0, newApiKey(), 'gw-b2');
    const failing: StorefrontKeyGateway = {
      register: async () => ({}),
      disable: async () => {
        throw new Error('throttled');
      },
    };

    // Act
    const failed = await retireGatewayKeys({ stores: directory, storefrontKeys: failing });
    const gateway = recordingGateway();
    await sweep(gateway);

    // Assess
    expect(failed).toEqual({ disabled: 0, failed: 1 });
    expect(gateway.disabled).toEqual(['gw-b1']);
  });
});

describe('Function: DynamoStoreDirectory.revokeApiKey', () => {
  it('ends a replaced key now, due at the gateway now; the current key is a 409, an unknown id a 404', async () => {
    // Prepare
    const { storeId, apiKey: first } = await createdStore('gw-c1');
    const { apiKey: second } = await rotate(storeId, HOUR_MS, newApiKey(), 'gw-c2');
    await sweep(recordingGateway());

    // Act
    await directory.revokeApiKey(storeId, apiKeyId(hashApiKey(first)));
    const gateway = recordingGateway();
    await sweep(gateway);

    // Assess
    expect(await directory.findStoreByApiKey(first)).toBeUndefined();
    expect((await directory.findStoreByApiKey(second))?.storeId).toBe(storeId);
    expect(gateway.disabled).toEqual(['gw-c1']);
    await expect(directory.revokeApiKey(storeId, apiKeyId(hashApiKey(second)))).rejects.toThrow(StateConflictError);
    await expect(directory.revokeApiKey(storeId, '0000000000000000')).rejects.toThrow(NotFoundError);
    await directory.revokeApiKey(storeId, apiKeyId(hashApiKey(first))); // already ended: nothing to do
  });
});

describe('Function: DynamoStoreDirectory.rotateApiKey, keys in their overlap', () => {
  it('refuses a 46th replaced key still working (409), while a PT0S rotation ends all 45 in one transaction', async () => {
    // Prepare: 45 rotations with an hour of overlap each.
    const { storeId, apiKey: first } = await createdStore('gw-d0');
    for (let index = 1; index <= 45; index += 1) await rotate(storeId, HOUR_MS, newApiKey(), `gw-d${index}`);

    // Act and assess
    await expect(rotate(storeId, HOUR_MS)).rejects.toThrow(StateConflictError);
    const { apiKey: last, ring } = await rotate(storeId, 0, newApiKey(), 'gw-d46');
    expect(ring.retired.filter((key) => Date.parse(key.validUntil) > now.getTime())).toEqual([]);
    expect(await directory.findStoreByApiKey(first)).toBeUndefined();
    expect((await directory.findStoreByApiKey(last))?.storeId).toBe(storeId);
  });
});
