import { isTransientAwsError } from '../adapters/transient-errors.js';
import { RateLimitedError, ServiceBusyError, TransientError, UploadPendingError } from '../domain/errors.js';

/** Contention clears in milliseconds and on-demand throttling within seconds: one second, then the caller's backoff. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * The 503 a request answers when it failed for want of capacity rather than by its own fault or ours: our
 * `TransientError` (a contended write that lost every retry, a dependency that throttled or failed transiently) or an
 * AWS throttling or server error that reached the handler unwrapped. Undefined for anything else (a real 500).
 */
export const asServiceBusy = (error: unknown): ServiceBusyError | undefined => {
  if (error instanceof ServiceBusyError) return error;
  if (error instanceof TransientError || isTransientAwsError(error)) {
    return new ServiceBusyError(RETRY_AFTER_SECONDS, { cause: error });
  }
  return undefined;
};

/** The headers an error's answer adds: `Retry-After` for a busy, rate-limited or upload-pending answer, none else. */
export const retryAfterHeaders = (error: unknown): Record<string, string> =>
  error instanceof ServiceBusyError || error instanceof RateLimitedError || error instanceof UploadPendingError
    ? { 'retry-after': String(error.retryAfterSeconds) }
    : {};
