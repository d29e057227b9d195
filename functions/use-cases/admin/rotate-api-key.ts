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
 * 2. registers it at the gateway (in AWS an API Gateway API key in the storefront usage plan: API Gateway refuses
 *    any other key before the service sees it); should step 3 fail, that key is accepted by API Gateway only and
 *    refused by the service (401), so nothing half-done works;
 * 3. makes it the store's key and gives the replaced one until now + `overlap` (`P1D` by default, `PT0S` for a
 *    leaked key), in one transaction (409 when another rotation landed meanwhile).
 */
export const rotateApiKey = async (
  { stores, storefrontKeys, clock }: Pick<Dependencies, 'stores' | 'storefrontKeys' | 'clock'>,
  storeId: string,
  { overlap = DEFAULT_KEY_OVERLAP }: ApiKeyRotationBody,
): Promise<IssuedApiKey> => {
  const now = clock.now();
  const apiKey = newApiKey();
  const previousValidUntil = new Date(now.getTime() + durationToSeconds(overlap) * 1000);
  const { gatewayKeyId } = await storefrontKeys.register(storeId, apiKey, now);
  await stores.rotateApiKey(storeId, {
    keyHash: hashApiKey(apiKey),
    issuedAt: now,
    previousValidUntil,
    ...(gatewayKeyId ? { gatewayKeyId } : {}),
  });
  return { apiKey, issuedAt: now.toISOString(), previousKeyValidUntil: previousValidUntil.toISOString() };
};
