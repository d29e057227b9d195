import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, StateConflictError } from './errors.js';

/** Storefront API keys are stored only as this hash: a leaked table never leaks a usable key. */
export const hashApiKey = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

/**
 * A new storefront key: 256 random bits as 64 hex characters (API Gateway takes it as an API key value: 20 to 128
 * characters).
 */
export const newApiKey = (): string => randomBytes(32).toString('hex');

/** How long the previous key keeps working after a rotation, unless the request says otherwise. */
export const DEFAULT_KEY_OVERLAP = 'P1D';
/** The longest overlap a rotation may ask for: a retired key must die within a week. */
export const MAX_KEY_OVERLAP_SECONDS = 7 * 86_400;

/** The lookup item of one key: its store and, for keys issued by a rotation or `create-store`, its lifetime. */
export interface StoredApiKey {
  storeId: string;
  /** Absent on keys issued before rotations existed (see `legacyKeysValidUntil`). */
  issuedAt?: string;
  /** Set when a newer key replaced it: refused from then on. */
  validUntil?: string;
}

/** The store's own record of its keys (only hashes), kept by rotations. */
export interface StoreKeyRing {
  currentKeyHash: string;
  issuedAt: string;
  /**
   * Replaced keys and when each stops working; kept until the next rotation after that, so the admin's list shows them.
   */
  retired: RetiredApiKey[];
  /** The API Gateway key id of the current key, when deployed. */
  gatewayKeyId?: string;
  /**
   * Until when keys issued before the store's first rotation (without `issuedAt`, so not in this ring) still work:
   * that rotation's overlap end.
   */
  legacyKeysValidUntil?: string;
  /** One up at each change (absent before the first since revisions exist): concurrent changes cannot both land. */
  revision?: number;
}

export interface RetiredApiKey {
  keyHash: string;
  validUntil: string;
  /** Absent on keys replaced before it was recorded. */
  issuedAt?: string;
  /** Set when an admin revoked it before its overlap ended (`validUntil` is then that moment). */
  revokedAt?: string;
  gatewayKeyId?: string;
}

/**
 * A key's public id: derived from its hash (a hash of the hash, so it reveals nothing usable), the same for keys
 * issued before ids existed; 16 hex characters.
 */
export const apiKeyId = (keyHash: string): string =>
  createHash('sha256').update(`key-id:${keyHash}`, 'utf8').digest('hex').slice(0, 16);

/** The id of the keys issued before the store's first rotation (the seeded or `create-store` key of old data). */
export const PRE_ROTATION_KEY_ID = 'pre-rotation';

/** What `apiKeyId` gives, or the pre-rotation id: the shape of a key id a client may send. */
export const API_KEY_ID_PATTERN = new RegExp(`^(?:[0-9a-f]{16}|${PRE_ROTATION_KEY_ID})$`);

export type ApiKeyState = 'current' | 'overlap' | 'retired' | 'revoked';

/** What an admin sees of a key: never the key or its hash. */
export interface ApiKeyView {
  keyId: string;
  createdAt?: string;
  /** When a replaced key stops (or stopped) working. */
  expiresAt?: string;
  revokedAt?: string;
  state: ApiKeyState;
}

/** The store's keys at `now`, the current one first, then the replaced ones, newest end first. */
export const apiKeyViews = (ring: StoreKeyRing | undefined, now: Date): ApiKeyView[] => {
  if (!ring) return [{ keyId: PRE_ROTATION_KEY_ID, state: 'current' }];
  const ended = (validUntil: string) => Date.parse(validUntil) <= now.getTime();
  const retired: ApiKeyView[] = ring.retired.map((key) => ({
    keyId: apiKeyId(key.keyHash),
    ...(key.issuedAt ? { createdAt: key.issuedAt } : {}),
    expiresAt: key.validUntil,
    ...(key.revokedAt ? { revokedAt: key.revokedAt } : {}),
    state: key.revokedAt ? 'revoked' : ended(key.validUntil) ? 'retired' : 'overlap',
  }));
  const legacy = ring.legacyKeysValidUntil;
  if (legacy !== undefined) {
    retired.push({ keyId: PRE_ROTATION_KEY_ID, expiresAt: legacy, state: ended(legacy) ? 'retired' : 'overlap' });
  }
  retired.sort((a, b) => (b.expiresAt ?? '').localeCompare(a.expiresAt ?? ''));
  return [{ keyId: apiKeyId(ring.currentKeyHash), createdAt: ring.issuedAt, state: 'current' }, ...retired];
};

/** The earlier of two instants as ISO strings (both ISO 8601 UTC, so they compare as dates). */
const earlier = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * The ring after a rotation at `issuedAt`: the new key current, the replaced one valid until `previousValidUntil`,
 * and every older key still in its overlap cut to that too (an overlap never outlives a later, shorter one: `PT0S`
 * ends them all). Keys ended before this rotation are dropped.
 */
export const rotatedKeyRing = (
  ring: StoreKeyRing | undefined,
  rotation: { keyHash: string; issuedAt: string; previousValidUntil: string; gatewayKeyId?: string },
): StoreKeyRing => {
  const { keyHash, issuedAt, previousValidUntil, gatewayKeyId } = rotation;
  const stillValid = (ring?.retired ?? []).filter((key) => Date.parse(key.validUntil) > Date.parse(issuedAt));
  // A store that never rotated has no ring: its keys from before (without `issuedAt`) end with the replaced one.
  const legacy = ring ? ring.legacyKeysValidUntil : previousValidUntil;
  return {
    currentKeyHash: keyHash,
    issuedAt,
    ...(gatewayKeyId ? { gatewayKeyId } : {}),
    retired: ring
      ? [
          ...stillValid.map((key) => ({ ...key, validUntil: earlier(key.validUntil, previousValidUntil) })),
          {
            keyHash: ring.currentKeyHash,
            validUntil: previousValidUntil,
            issuedAt: ring.issuedAt,
            ...(ring.gatewayKeyId ? { gatewayKeyId: ring.gatewayKeyId } : {}),
          },
        ]
      : [],
    ...(legacy === undefined ? {} : { legacyKeysValidUntil: earlier(legacy, previousValidUntil) }),
  };
};

/**
 * The ring after an admin revoked `keyId` at `now`: that key ends now. Undefined when the ring has no such key still in
 * its overlap (already ended: nothing to do); `StateConflictError` for the current key (a store always keeps one: rotate
 * instead), `NotFoundError` for an id the store never had.
 */
export const revokedKeyRing = (
  ring: StoreKeyRing | undefined,
  keyId: string,
  now: Date,
): { ring: StoreKeyRing; revoked?: RetiredApiKey } | undefined => {
  const at = now.toISOString();
  const current = ring ? apiKeyId(ring.currentKeyHash) : PRE_ROTATION_KEY_ID;
  if (keyId === current) {
    throw new StateConflictError('The current key cannot be revoked: rotate it (overlap PT0S) to replace it at once');
  }
  if (!ring) throw new NotFoundError(`No API key ${keyId}`);
  const live = (validUntil: string) => Date.parse(validUntil) > now.getTime();
  if (keyId === PRE_ROTATION_KEY_ID) {
    if (ring.legacyKeysValidUntil === undefined) throw new NotFoundError(`No API key ${keyId}`);
    return live(ring.legacyKeysValidUntil) ? { ring: { ...ring, legacyKeysValidUntil: at } } : undefined;
  }
  const target = ring.retired.find((key) => apiKeyId(key.keyHash) === keyId);
  if (!target) throw new NotFoundError(`No API key ${keyId}`);
  if (!live(target.validUntil)) return undefined;
  const revoked: RetiredApiKey = { ...target, validUntil: at, revokedAt: at };
  return { ring: { ...ring, retired: ring.retired.map((key) => (key === target ? revoked : key)) }, revoked };
};

/**
 * Whether a stored key authenticates at `now`: not past its own `validUntil`, and a key from before rotations existed
 * only while the store never rotated or within its first rotation's overlap.
 */
export const isApiKeyValidAt = (key: StoredApiKey, ring: StoreKeyRing | undefined, now: Date): boolean => {
  if (key.validUntil !== undefined) return now.getTime() < Date.parse(key.validUntil);
  if (key.issuedAt !== undefined || ring === undefined) return true;
  return ring.legacyKeysValidUntil !== undefined && now.getTime() < Date.parse(ring.legacyKeysValidUntil);
};
