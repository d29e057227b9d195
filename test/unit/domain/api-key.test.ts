import { describe, expect, it } from 'vitest';
import { isApiKeyValidAt, newApiKey, type StoreKeyRing } from '../../../functions/domain/api-key.js';

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
