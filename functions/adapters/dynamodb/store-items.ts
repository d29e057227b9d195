import { hashApiKey } from '../../domain/api-key.js';

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
