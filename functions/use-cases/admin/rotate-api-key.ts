import type { Dependencies } from '../../commons/dependencies.js';
import { DEFAULT_KEY_OVERLAP, hashApiKey, newApiKey } from '../../domain/api-key.js';
import { durationToSeconds } from '../../domain/duration.js';
import type { ApiKeyRotationBody } from '../../schemas/store-requests.js';

export interface IssuedApiKey {
  /** The new key: shown in this answer only, stored nowhere but as its hash. */
  apiKey: string;
  issuedAt: string;
  /** When the replaced key (and any older one still in its overlap) stops working: 401 from then on. */
  previousKeyValidUntil: string;
}

/**
 * Issues a new storefront key for the caller's store (`POST /v1/admin/store/api-keys`):
 * 1. draws a random key and keeps only its SHA-256 hash;
 * 2. makes it the store's key and gives the replaced one until now + `overlap` (`P1D` by default, `PT0S` for a
 *    leaked key), in one transaction (409 when another rotation landed meanwhile).
 */
export const rotateApiKey = async (
  { stores, clock }: Pick<Dependencies, 'stores' | 'clock'>,
  storeId: string,
  { overlap = DEFAULT_KEY_OVERLAP }: ApiKeyRotationBody,
): Promise<IssuedApiKey> => {
  const now = clock.now();
  const apiKey = newApiKey();
  const previousValidUntil = new Date(now.getTime() + durationToSeconds(overlap) * 1000);
  await stores.rotateApiKey(storeId, { keyHash: hashApiKey(apiKey), issuedAt: now, previousValidUntil });
  return { apiKey, issuedAt: now.toISOString(), previousKeyValidUntil: previousValidUntil.toISOString() };
};
