import type { StorePolicy } from '../domain/policy/store-policy.js';
import type { Store } from '../domain/store.js';

/** Store configuration: which store an API key belongs to, its profile and its policy. Implementations cache. */
export interface StoreDirectory {
  findStoreByApiKey(apiKey: string): Promise<Store | undefined>;
  getStore(storeId: string): Promise<Store | undefined>;
  getPolicy(storeId: string): Promise<StorePolicy>;
}
