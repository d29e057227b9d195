import type { StorePolicy } from '../domain/policy/store-policy.js';
import type { StoreSlaPolicy } from '../domain/sla/sla-policy.js';
import type { StoreKeyRing } from '../domain/api-key.js';
import type { Store } from '../domain/store.js';
import type { EditableStoreProfile } from '../domain/store-profile.js';

/** A new storefront key replacing the current one (only hashes reach the directory). */
export interface ApiKeyRotation {
  keyHash: string;
  issuedAt: Date;
  /** When the replaced key (and any key from before rotations existed) stops working. */
  previousValidUntil: Date;
  /** The new key's API Gateway key id, when deployed. */
  gatewayKeyId?: string;
}

/** A replaced key whose API Gateway key is to be disabled from `due` on. */
export interface GatewayKeyRetirement {
  storeId: string;
  gatewayKeyId: string;
  due: string;
}

/** Store configuration: which store an API key belongs to, its profile and its policies. Implementations cache. */
export interface StoreDirectory {
  /** The store of a storefront key that is valid now (not replaced, or within its rotation's overlap). */
  findStoreByApiKey(apiKey: string): Promise<Store | undefined>;
  /** `fresh` skips any cache and reads consistently: an edit is merged onto the profile as saved. */
  getStore(storeId: string, options?: { fresh?: boolean }): Promise<Store | undefined>;
  /**
   * Replaces the admin-editable fields of the store's profile (the others are kept); versioned exactly like
   * `savePolicy`. Returns the saved store.
   */
  saveStoreProfile(storeId: string, profile: EditableStoreProfile, replacing?: number): Promise<Store>;
  /**
   * Makes `rotation.keyHash` the store's key and gives the current one until `previousValidUntil`, in one
   * transaction; `StateConflictError` when another rotation landed meanwhile. Returns the store's key ring after it.
   */
  rotateApiKey(storeId: string, rotation: ApiKeyRotation): Promise<StoreKeyRing>;
  /** The store's key ring as stored now (read consistently); undefined while it never rotated. */
  getKeyRing(storeId: string): Promise<StoreKeyRing | undefined>;
  /**
   * Ends a replaced key now (see `revokedKeyRing`: 409 for the current key, 404 for an unknown one); a key already
   * ended is left as it is. `StateConflictError` when a rotation landed meanwhile.
   */
  revokeApiKey(storeId: string, keyId: string): Promise<void>;
  /** Up to `limit` gateway keys whose overlap has ended and that are not yet disabled, oldest end first. */
  dueGatewayKeyRetirements(limit: number): Promise<GatewayKeyRetirement[]>;
  /** Drops a retirement once its gateway key is disabled. */
  forgetGatewayKeyRetirement(retirement: GatewayKeyRetirement): Promise<void>;
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
