import { TransientError } from '../../domain/errors.js';

/** Attempts at a contended write (a transaction conflict on the agent or case item) before giving up. */
export const CONTENTION_ATTEMPTS = 8;
const BASE_DELAY_MS = 20;
const MAX_DELAY_MS = 1_000;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Waits before retry `attempt` (1, 2, ...): exponential with full jitter, so many writers contending for one agent
 * spread out instead of colliding again in step.
 */
export const backOff = (attempt: number): Promise<void> =>
  sleep(Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));

/** Throws `error` unless it is a transient failure with attempts left. */
export const retryableOrThrow = (error: unknown, attempt: number): void => {
  if (!(error instanceof TransientError) || attempt >= CONTENTION_ATTEMPTS) throw error;
};
