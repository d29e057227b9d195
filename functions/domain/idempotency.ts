import { createHash } from 'node:crypto';

/** How long a storefront may replay an `Idempotency-Key` and get the same case back. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Epoch seconds after which a record made at `now` no longer holds its key (DynamoDB's TTL deletes it later). */
export const idempotencyExpiry = (now: Date): number => Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS;

/**
 * A record holds its key until `expiresAt` (epoch seconds), and not a second longer: DynamoDB's TTL deletes expired
 * items lazily (often hours later), so an expired record still read back counts as absent.
 */
export const isIdempotencyRecordLive = (record: { expiresAt: number }, now: Date): boolean =>
  now.getTime() < record.expiresAt * 1000;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
};

/** The same request body, whatever its key order or defaults, hashes the same. */
export const requestHash = (request: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
