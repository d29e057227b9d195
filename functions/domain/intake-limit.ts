/** New cases a customer may file per clock hour (UTC) unless the store sets `intakeLimitPerCustomerPerHour`. */
export const DEFAULT_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR = 20;
export const MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR = 1_000;

const HOUR_MS = 3_600_000;

/** One customer's intake counter for the hour of `now`: what the intake transaction adds one to, under `limit`. */
export interface IntakeQuota {
  storeId: string;
  customerId: string;
  /** The hour counted, `YYYY-MM-DDTHH` (UTC). */
  hour: string;
  limit: number;
  /** When the counter may be deleted (TTL, epoch seconds): an hour after its window ends. */
  expiresAt: number;
  /** Seconds until the window ends (at least 1): the `Retry-After` of a refusal. */
  retryAfterSeconds: number;
}

/** The store's limit of new cases per customer and hour (the default when never saved). */
export const intakeLimitOf = (store: { intakeLimitPerCustomerPerHour?: number }): number =>
  store.intakeLimitPerCustomerPerHour ?? DEFAULT_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR;

export const intakeQuota = (
  store: { storeId: string; intakeLimitPerCustomerPerHour?: number },
  customerId: string,
  now: Date,
): IntakeQuota => {
  const windowStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const windowEnd = windowStart + HOUR_MS;
  return {
    storeId: store.storeId,
    customerId,
    hour: new Date(windowStart).toISOString().slice(0, 13),
    limit: intakeLimitOf(store),
    expiresAt: Math.floor((windowEnd + HOUR_MS) / 1000),
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
  };
};
