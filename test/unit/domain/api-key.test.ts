import { describe, expect, it } from 'vitest';
import {
  apiKeyId,
  apiKeyViews,
  isApiKeyValidAt,
  newApiKey,
  PRE_ROTATION_KEY_ID,
  revokedKeyRing,
  rotatedKeyRing,
  type StoreKeyRing,
} from '../../../functions/domain/api-key.js';
import { NotFoundError, StateConflictError } from '../../../functions/domain/errors.js';

const NOW = new Date('2026-11-22T08:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const ring = (legacyKeysValidUntil?: string): StoreKeyRing => ({
  currentKeyHash: 'h',
  issuedAt: at(-1),
  retired: [],
  ...(legacyKeysValidUntil ? { legacyKeysValidUntil } : {}),
});

describe('Domain: isApiKeyValidAt', () => {
  it.each([
    ['a current key', { storeId: 's', issuedAt: at(-1) }, undefined, true],
    ['a replaced key within its overlap', { storeId: 's', issuedAt: at(-9), validUntil: at(1) }, ring(), true],
    ['a replaced key at its validUntil', { storeId: 's', issuedAt: at(-9), validUntil: at(0) }, ring(), false],
    ['a key from before rotations, never rotated', { storeId: 's' }, undefined, true],
    ['a key from before rotations, within the first overlap', { storeId: 's' }, ring(at(1)), true],
    ['a key from before rotations, after the first overlap', { storeId: 's' }, ring(at(-1)), false],
  ])('%s -> %s', (_label, key, keyRing, valid) => {
    expect(isApiKeyValidAt(key, keyRing, NOW)).toBe(valid);
  });

  it('draws 64 hex characters, never twice the same', () => {
    const keys = new Set(Array.from({ length: 100 }, newApiKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Domain: rotatedKeyRing', () => {
  it('cuts every older key still in its overlap, and the pre-rotation keys, to the new overlap end', () => {
    // Prepare: h2 current, h1 replaced a day ago for two days, pre-rotation keys for a day more.
    const before: StoreKeyRing = {
      currentKeyHash: 'h2',
      issuedAt: at(-86_400_000),
      retired: [{ keyHash: 'h1', validUntil: at(86_400_000), gatewayKeyId: 'g1' }],
      legacyKeysValidUntil: at(86_400_000),
    };

    // Act
    const after = rotatedKeyRing(before, { keyHash: 'h3', issuedAt: at(0), previousValidUntil: at(0) });

    // Assess
    expect(after).toEqual({
      currentKeyHash: 'h3',
      issuedAt: at(0),
      retired: [
        { keyHash: 'h1', validUntil: at(0), gatewayKeyId: 'g1' },
        { keyHash: 'h2', validUntil: at(0), issuedAt: at(-86_400_000) },
      ],
      legacyKeysValidUntil: at(0),
    });
  });

  it('never lengthens an overlap and drops keys already ended', () => {
    const before: StoreKeyRing = {
      currentKeyHash: 'h3',
      issuedAt: at(-2),
      retired: [
        { keyHash: 'h1', validUntil: at(-1) },
        { keyHash: 'h2', validUntil: at(60_000) },
      ],
    };
    const after = rotatedKeyRing(before, { keyHash: 'h4', issuedAt: at(0), previousValidUntil: at(86_400_000) });
    expect(after.retired.map((key) => [key.keyHash, key.validUntil])).toEqual([
      ['h2', at(60_000)],
      ['h3', at(86_400_000)],
    ]);
    expect(after.legacyKeysValidUntil).toBeUndefined();
  });
});

describe('Domain: revokedKeyRing and apiKeyViews', () => {
  const rotated: StoreKeyRing = {
    currentKeyHash: 'h2',
    issuedAt: at(-1_000),
    retired: [{ keyHash: 'h1', validUntil: at(60_000), issuedAt: at(-9_000) }],
    legacyKeysValidUntil: at(60_000),
  };

  it('ends a key in its overlap now and shows it revoked; the pre-rotation keys likewise', () => {
    const revoked = revokedKeyRing(rotated, apiKeyId('h1'), NOW);
    const legacyRevoked = revokedKeyRing(rotated, PRE_ROTATION_KEY_ID, NOW);

    expect(revoked?.revoked).toEqual({ keyHash: 'h1', validUntil: at(0), issuedAt: at(-9_000), revokedAt: at(0) });
    expect(legacyRevoked?.ring.legacyKeysValidUntil).toBe(at(0));
    expect(apiKeyViews(revoked?.ring, NOW)).toEqual([
      { keyId: apiKeyId('h2'), createdAt: at(-1_000), state: 'current' },
      { keyId: PRE_ROTATION_KEY_ID, expiresAt: at(60_000), state: 'overlap' },
      { keyId: apiKeyId('h1'), createdAt: at(-9_000), expiresAt: at(0), revokedAt: at(0), state: 'revoked' },
    ]);
  });

  it('refuses the current key (409) and an unknown id (404); leaves an ended key as it is', () => {
    expect(() => revokedKeyRing(rotated, apiKeyId('h2'), NOW)).toThrow(StateConflictError);
    expect(() => revokedKeyRing(undefined, PRE_ROTATION_KEY_ID, NOW)).toThrow(StateConflictError);
    expect(() => revokedKeyRing(rotated, apiKeyId('nope'), NOW)).toThrow(NotFoundError);
    expect(() => revokedKeyRing(undefined, apiKeyId('h1'), NOW)).toThrow(NotFoundError);
    expect(revokedKeyRing(rotated, apiKeyId('h1'), new Date(Date.parse(at(60_000))))).toBeUndefined();
  });

  it('shows a store that never rotated as one current pre-rotation key; ids are 16 hex, never the hash', () => {
    expect(apiKeyViews(undefined, NOW)).toEqual([{ keyId: PRE_ROTATION_KEY_ID, state: 'current' }]);
    const hash = 'a'.repeat(64);
    expect(apiKeyId(hash)).toMatch(/^[0-9a-f]{16}$/);
    expect(hash).not.toContain(apiKeyId(hash));
  });
});
