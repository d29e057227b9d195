import type { StorePolicy } from '../domain/policy/store-policy.js';
import type { StoreSlaPolicy } from '../domain/sla/sla-policy.js';
import type { Store } from '../domain/store.js';

/** Store configuration: which store an API key belongs to, its profile and its policies. Implementations cache. */
export interface StoreDirectory {
  findStoreByApiKey(apiKey: string): Promise<Store | undefined>;
  getStore(storeId: string): Promise<Store | undefined>;
  getPolicy(storeId: string): Promise<StorePolicy>;
  /**
   * Replaces the store's policy; the saved one (returned) has the stored version + 1, whatever `policy.version` says.
   * Throws `StateConflictError` when another save landed between the read of the version and this write.
   */
  savePolicy(storeId: string, policy: StorePolicy): Promise<StorePolicy>;
  /** The store's SLA policy; a store that never saved one gets `defaultSlaPolicyOf(store)`, version 0. */
  getSlaPolicy(storeId: string): Promise<StoreSlaPolicy>;
  /**
   * Replaces the store's SLA policy; the saved one (returned) has the stored version + 1, whatever `policy.version`
   * says. Throws `StateConflictError` when another save landed between the read of the version and this write.
   */
  saveSlaPolicy(storeId: string, policy: StoreSlaPolicy): Promise<StoreSlaPolicy>;
}
