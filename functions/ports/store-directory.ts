import type { StorePolicy } from '../domain/policy/store-policy.js';
import type { StoreSlaPolicy } from '../domain/sla/sla-policy.js';
import type { Store } from '../domain/store.js';

/** Store configuration: which store an API key belongs to, its profile and its policies. Implementations cache. */
export interface StoreDirectory {
  findStoreByApiKey(apiKey: string): Promise<Store | undefined>;
  getStore(storeId: string): Promise<Store | undefined>;
  getPolicy(storeId: string): Promise<StorePolicy>;
  /**
   * Replaces the store's policy; the saved one (returned) has the replaced version + 1, whatever `policy.version`
   * says. With `replacing`, only while that is the stored version (an admin's edit of the version they read; checked
   * by the write itself, so a cached read cannot hide a newer save); without, over whatever version is stored.
   * Throws `StateConflictError` when the stored version is another one, or another save landed meanwhile.
   */
  savePolicy(storeId: string, policy: StorePolicy, replacing?: number): Promise<StorePolicy>;
  /**
   * The store's SLA policy; a store that never saved one gets `defaultSlaPolicyOf(store)`, version 0. `fresh` skips
   * any cache and reads consistently: the escalation step decides on the policy as saved, not as a warm function (or
   * an eventually consistent read) last saw it.
   */
  getSlaPolicy(storeId: string, options?: { fresh?: boolean }): Promise<StoreSlaPolicy>;
  /** Replaces the store's SLA policy, versioned exactly like `savePolicy`. */
  saveSlaPolicy(storeId: string, policy: StoreSlaPolicy, replacing?: number): Promise<StoreSlaPolicy>;
}
