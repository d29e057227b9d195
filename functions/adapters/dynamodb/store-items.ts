import { hashApiKey, type StoreKeyRing } from '../../domain/api-key.js';
import { DEFAULT_POLICY } from '../../domain/policy/store-policy.js';
import type { Store } from '../../domain/store.js';

/** How store configuration is laid out in the stores table (see functions/wiring/tables.ts): one partition per store. */
export type StoreDocument = 'PROFILE' | 'POLICY' | 'SLA' | 'APIKEYS';

export const storeDocumentKey = (storeId: string, document: StoreDocument) => ({
  pk: `STORE#${storeId}`,
  sk: document,
});

/** The store's case-number counter of one day (`yyyymmdd` in the store's timezone). */
export const caseNumberCounterKey = (storeId: string, day: string) => ({ pk: `STORE#${storeId}`, sk: `CASENO#${day}` });

/** The lookup from a storefront key to its store; only the key's hash is stored. */
export const apiKeyKey = (apiKey: string) => apiKeyHashKey(hashApiKey(apiKey));

export const apiKeyHashKey = (keyHash: string) => ({ pk: `APIKEY#${keyHash}`, sk: 'APIKEY' });

/** Replaced keys whose API Gateway key is to be disabled once their overlap ends, in order of that end. */
export const GATEWAY_RETIREMENTS_PK = 'GATEWAYKEYS';

export const gatewayRetirementKey = (due: string, gatewayKeyId: string) => ({
  pk: GATEWAY_RETIREMENTS_PK,
  sk: `${due}#${gatewayKeyId}`,
});

/**
 * The items of a new store (`scripts/create-store.ts`): its profile, the default policy, its key's lookup item and
 * its key ring, so its first rotation replaces exactly that key. Only the key's hash is written.
 */
export const newStoreItems = (
  store: Store,
  { apiKey, gatewayKeyId, issuedAt }: { apiKey: string; gatewayKeyId?: string; issuedAt: Date },
): Array<Record<string, unknown>> => {
  const keyHash = hashApiKey(apiKey);
  const ring: StoreKeyRing = {
    currentKeyHash: keyHash,
    issuedAt: issuedAt.toISOString(),
    retired: [],
    ...(gatewayKeyId ? { gatewayKeyId } : {}),
  };
  return [
    { ...storeDocumentKey(store.storeId, 'PROFILE'), ...store },
    { ...storeDocumentKey(store.storeId, 'POLICY'), ...DEFAULT_POLICY },
    { ...apiKeyHashKey(keyHash), storeId: store.storeId, issuedAt: issuedAt.toISOString() },
    { ...storeDocumentKey(store.storeId, 'APIKEYS'), ...ring },
  ];
};
