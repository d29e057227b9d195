import { isApiKeyValidAt, type StoredApiKey, type StoreKeyRing } from '../domain/api-key.js';
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

/**
 * Keeps store configuration in memory for a short time, so the intake hot path does not read it on every request.
 * A policy (or SLA policy) change takes effect within `ttlMs` on every warm function.
 */
export class CachedStoreDirectory implements StoreDirectory {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  constructor(
    private readonly inner: StoreDirectorySource,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 1_000,
    /** The service's clock, which judges keys' `validUntil` (a test may move it); the cache's TTL runs on `now`. */
    private readonly serviceNow: () => Date = () => new Date(now()),
  ) {}

  /**
   * The key's lookup item (and, for a key from before rotations, the ring) is read at each call, never cached: a key
   * replaced with no overlap or revoked is refused from the next request on, whichever warm function serves it. Its
   * validity is decided on the service's clock; the store's profile is cached.
   */
  async findStoreByApiKey(apiKey: string): Promise<Store | undefined> {
    const key = await this.inner.findApiKey(apiKey);
    if (!key) return undefined;
    const ring = key.issuedAt === undefined ? await this.inner.getKeyRing(key.storeId) : undefined;
    return isApiKeyValidAt(key, ring, this.serviceNow()) ? this.getStore(key.storeId) : undefined;
  }

  getStore(storeId: string): Promise<Store | undefined> {
    return this.cached(`store:${storeId}`, () => this.inner.getStore(storeId));
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

  /** Keys are never cached (see `findStoreByApiKey`): a rotation, like a revocation, is seen everywhere at once. */
  rotateApiKey(storeId: string, rotation: ApiKeyRotation): Promise<StoreKeyRing> {
    return this.inner.rotateApiKey(storeId, rotation);
  }

  getKeyRing(storeId: string): Promise<StoreKeyRing | undefined> {
    return this.inner.getKeyRing(storeId);
  }

  revokeApiKey(storeId: string, keyId: string): Promise<void> {
    return this.inner.revokeApiKey(storeId, keyId);
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
