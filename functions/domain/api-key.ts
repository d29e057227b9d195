import { createHash, randomBytes } from 'node:crypto';

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
  /** Replaced keys and when each stops working; kept until then, so the operator's view (and API Gateway) can retire them. */
  retired: Array<{ keyHash: string; validUntil: string; gatewayKeyId?: string }>;
  /** The API Gateway key id of the current key, when deployed. */
  gatewayKeyId?: string;
  /**
   * Until when keys issued before the store's first rotation (without `issuedAt`, so not in this ring) still work:
   * that rotation's overlap end.
   */
  legacyKeysValidUntil?: string;
}

/**
 * Whether a stored key authenticates at `now`: not past its own `validUntil`, and a key from before rotations existed
 * only while the store never rotated or within its first rotation's overlap.
 */
export const isApiKeyValidAt = (key: StoredApiKey, ring: StoreKeyRing | undefined, now: Date): boolean => {
  if (key.validUntil !== undefined) return now.getTime() < Date.parse(key.validUntil);
  if (key.issuedAt !== undefined || ring === undefined) return true;
  return ring.legacyKeysValidUntil !== undefined && now.getTime() < Date.parse(ring.legacyKeysValidUntil);
};
