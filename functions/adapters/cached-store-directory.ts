import { hashApiKey, isApiKeyValidAt, type StoredApiKey, type StoreKeyRing } from '../domain/api-key.js';
import type { StorePolicy } from '../domain/policy/store-policy.js';
import type { StoreSlaPolicy } from '../domain/sla/sla-policy.js';
import { defaultSlaPolicyOf, type Store } from '../domain/store.js';
import type { EditableStoreProfile } from '../domain/store-profile.js';
import type { ApiKeyRotation, GatewayKeyRetirement, StoreDirectory } from '../ports/store-directory.js';

/** The directory the cache reads through; it also tells a saved SLA policy from none (see `getSlaPolicy`). */
export interface StoreDirectorySource extends StoreDirectory {
  findSavedSlaPolicy(storeId: string, options?: { consistent?: boolean }): Promise<StoreSlaPolicy | undefined>;
  findApiKey(apiKey: string): Promise<StoredApiKey | undefined>;
}

/** How long a deployed function keeps a store's profile, policy and SLA policy: a change shows within a minute. */
export const STORE_CACHE_TTL_MS = 60_000;

/**
 * How long a deployed function keeps a storefront key's lookup: a key replaced with no overlap or revoked is refused
 * by every function within 10 s (API Gateway's own check follows within about a minute).
 */
export const KEY_CACHE_TTL_MS = 10_000;

export interface CachedStoreDirectoryOptions {
  /** How long a store's profile, policy and SLA policy are kept (`STORE_CACHE_TTL_MS` when absent). */
  ttlMs?: number;
  /** The cache's clock (TTLs run on it). */
  now?: () => number;
  maxEntries?: number;
  /** The service's clock, which judges keys' `validUntil` (a test may move it); the cache's TTL runs on `now`. */
  serviceNow?: () => Date;
  /**
   * How long a key's lookup item (store, `validUntil`) is kept: 0 (the default), each call reads it. Keep it short: a
   * key replaced or revoked by another function is refused here within this time (through this instance, at once).
   */
  keyTtlMs?: number;
}

interface KeyLookup {
  key: StoredApiKey;
  ring: StoreKeyRing | undefined;
}

/**
 * Keeps store configuration in memory for a short time, so the intake hot path does not read it on every request.
 * A policy (or SLA policy, or profile) change takes effect within `ttlMs` on every warm function; at once through the
 * instance that saved it.
 */
export class CachedStoreDirectory implements StoreDirectory {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();
  /** Storefront keys' lookups, by the key's hash, with their store (to forget a store's keys when it rotates). */
  private readonly keys = new Map<string, { expiresAt: number; storeId: string; lookup: KeyLookup }>();

  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly serviceNow: () => Date;
  private readonly keyTtlMs: number;

  constructor(
    private readonly inner: StoreDirectorySource,
    options: CachedStoreDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? STORE_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 1_000;
    const now = this.now;
    this.serviceNow = options.serviceNow ?? (() => new Date(now()));
    this.keyTtlMs = options.keyTtlMs ?? 0;
  }

  /**
   * The key's lookup item (and, for a key from before rotations, the ring) is read at most every `keyTtlMs` (at each
   * call by default): a key replaced with no overlap or revoked elsewhere is refused within that time, whichever warm
   * function serves it. Its validity is decided on the service's clock at each call (an overlap ends on time); the
   * store's profile is cached. Unknown keys are never cached, so a key issued meanwhile works at once.
   */
  async findStoreByApiKey(apiKey: string): Promise<Store | undefined> {
    const found = await this.lookUpKey(apiKey);
    if (!found) return undefined;
    return isApiKeyValidAt(found.key, found.ring, this.serviceNow()) ? this.getStore(found.key.storeId) : undefined;
  }

  private async lookUpKey(apiKey: string): Promise<KeyLookup | undefined> {
    const read = async (): Promise<KeyLookup | undefined> => {
      const key = await this.inner.findApiKey(apiKey);
      if (!key) return undefined;
      const ring = key.issuedAt === undefined ? await this.inner.getKeyRing(key.storeId) : undefined;
      return { key, ring };
    };
    if (this.keyTtlMs <= 0) return read();
    const hash = hashApiKey(apiKey);
    const hit = this.keys.get(hash);
    if (hit && hit.expiresAt > this.now()) return hit.lookup;
    const found = await read();
    this.keys.delete(hash);
    if (found) {
      if (this.keys.size >= this.maxEntries) this.keys.delete(this.keys.keys().next().value as string);
      this.keys.set(hash, { expiresAt: this.now() + this.keyTtlMs, storeId: found.key.storeId, lookup: found });
    }
    return found;
  }

  /** A rotation or revocation through this instance is seen here at once: the store's cached keys are dropped. */
  private forgetKeysOf(storeId: string): void {
    for (const [hash, entry] of this.keys) if (entry.storeId === storeId) this.keys.delete(hash);
  }

  /** `fresh` reads the profile again, consistently, and keeps that copy. */
  getStore(storeId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<Store | undefined> {
    if (fresh) this.entries.delete(`store:${storeId}`);
    return this.cached(`store:${storeId}`, () => this.inner.getStore(storeId, { fresh }));
  }

  getPolicy(storeId: string): Promise<StorePolicy> {
    return this.cached(`policy:${storeId}`, () => this.inner.getPolicy(storeId));
  }

  /** Saved through this instance, the new policy shows here at once; other warm functions see it within `ttlMs`. */
  savePolicy(storeId: string, policy: StorePolicy, replacing?: number): Promise<StorePolicy> {
    return this.forgettingAfter(`policy:${storeId}`, () => this.inner.savePolicy(storeId, policy, replacing));
  }

  /**
   * `fresh` reads it again, consistently, and keeps that: the escalation step must not act on a policy changed
   * meanwhile. A store on the default gets it built from the cached profile, not from a second read of the profile.
   */
  getSlaPolicy(storeId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<StoreSlaPolicy> {
    if (fresh) this.entries.delete(`sla:${storeId}`);
    return this.cached(
      `sla:${storeId}`,
      async () =>
        (await this.inner.findSavedSlaPolicy(storeId, { consistent: fresh })) ??
        defaultSlaPolicyOf(await this.getStore(storeId)),
    );
  }

  /** Like `savePolicy`: at once here, within `ttlMs` on other warm functions. */
  saveSlaPolicy(storeId: string, policy: StoreSlaPolicy, replacing?: number): Promise<StoreSlaPolicy> {
    return this.forgettingAfter(`sla:${storeId}`, () => this.inner.saveSlaPolicy(storeId, policy, replacing));
  }

  /** Saved through this instance, the profile shows here at once (the default SLA calendar follows its timezone). */
  async saveStoreProfile(storeId: string, profile: EditableStoreProfile, replacing?: number): Promise<Store> {
    try {
      return await this.inner.saveStoreProfile(storeId, profile, replacing);
    } finally {
      this.entries.delete(`store:${storeId}`);
      this.entries.delete(`sla:${storeId}`);
    }
  }

  /** Seen at once here, within `keyTtlMs` on other warm functions (see `findStoreByApiKey`). */
  async rotateApiKey(storeId: string, rotation: ApiKeyRotation): Promise<StoreKeyRing> {
    try {
      return await this.inner.rotateApiKey(storeId, rotation);
    } finally {
      this.forgetKeysOf(storeId);
    }
  }

  getKeyRing(storeId: string): Promise<StoreKeyRing | undefined> {
    return this.inner.getKeyRing(storeId);
  }

  /** Like `rotateApiKey`: at once here, within `keyTtlMs` on other warm functions. */
  async revokeApiKey(storeId: string, keyId: string): Promise<void> {
    try {
      await this.inner.revokeApiKey(storeId, keyId);
    } finally {
      this.forgetKeysOf(storeId);
    }
  }

  dueGatewayKeyRetirements(limit: number): Promise<GatewayKeyRetirement[]> {
    return this.inner.dueGatewayKeyRetirements(limit);
  }

  forgetGatewayKeyRetirement(retirement: GatewayKeyRetirement): Promise<void> {
    return this.inner.forgetGatewayKeyRetirement(retirement);
  }

  private async forgettingAfter<T>(key: string, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } finally {
      // Also after a conflict: the cached value is then known to be stale.
      this.entries.delete(key);
    }
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value as Promise<T>;
    const value = load();
    // Bounded, so a flood of unknown API keys cannot grow memory without limit.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { expiresAt: this.now() + this.ttlMs, value });
    // A failed load must not be remembered.
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
