import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';

/**
 * The state of one managed-login sign-in between `/console/sign-in` and `/console/auth/callback`: the OAuth `state`,
 * PKCE's `code_verifier` and the page to return to, in a short-lived cookie signed with the console session key (under
 * its own label, so it can never pass for a session cookie or the reverse). The callback clears it whatever happens, so
 * a state is good for one callback: a replayed callback URL finds no cookie.
 */
export const SIGN_IN_COOKIE = 'console_sign_in';
/** Long enough to type a password and a TOTP code; a slower sign-in starts again. */
export const SIGN_IN_LIFETIME_SECONDS = 10 * 60;
const LABEL = 'sign-in.v1';
const MAX_COOKIE_CHARS = 2_000;
/** Where a sign-in returns when it was not sent from a page. */
export const CONSOLE_HOME = '/console';
const MAX_RETURN_PATH_CHARS = 512;

const pendingSchema = z.strictObject({
  state: z.string().check(z.minLength(32), z.maxLength(64)),
  verifier: z.string().check(z.minLength(43), z.maxLength(128)),
  returnTo: z.string().check(z.minLength(1), z.maxLength(MAX_RETURN_PATH_CHARS)),
  exp: z.number(),
});
export type PendingSignIn = z.infer<typeof pendingSchema>;

const sign = (key: Uint8Array, payload: string): string =>
  createHmac('sha256', key).update(`${LABEL}.${payload}`).digest('base64url');

const sameText = (a: string, b: string): boolean => {
  const [left, right] = [Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')];
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * A console path to return to after signing in, or the queue: only this console's own pages (`/console` or below),
 * never another host (`//evil.example`, `/\evil.example`), a query, or a `..` climbing out of the console.
 */
export const returnPathOf = (value: string | undefined): string => {
  if (value === undefined || value.length > MAX_RETURN_PATH_CHARS) return CONSOLE_HOME;
  // Segments of plain characters not starting with a dot: no `..` to climb out, no percent-encoded one either.
  return /^\/console(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/.test(value) ? value : CONSOLE_HOME;
};

/** A new sign-in: its cookie value, and the `state` and S256 `code_challenge` for the authorize URL. */
export const startSignIn = (
  key: Uint8Array,
  returnTo: string,
  now: Date,
): { cookie: string; state: string; codeChallenge: string } => {
  const pending: PendingSignIn = {
    state: randomBytes(32).toString('base64url'),
    verifier: randomBytes(48).toString('base64url'),
    returnTo: returnPathOf(returnTo),
    exp: Math.floor(now.getTime() / 1000) + SIGN_IN_LIFETIME_SECONDS,
  };
  const payload = Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url');
  return {
    cookie: `${payload}.${sign(key, payload)}`,
    state: pending.state,
    codeChallenge: createHash('sha256').update(pending.verifier).digest('base64url'),
  };
};

/**
 * The pending sign-in the callback's `state` belongs to: the cookie is this key's, well formed, not expired, and its
 * state equals the callback's. Undefined for anything else (no cookie, a foreign or tampered one, another state).
 */
export const pendingSignIn = (
  key: Uint8Array,
  cookie: string | undefined,
  state: string | undefined,
  now: Date,
): PendingSignIn | undefined => {
  if (cookie === undefined || state === undefined || cookie.length > MAX_COOKIE_CHARS) return undefined;
  const [payload, signature, ...rest] = cookie.split('.');
  if (!payload || !signature || rest.length > 0 || !sameText(signature, sign(key, payload))) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const pending = pendingSchema.safeParse(parsed);
  if (!pending.success) return undefined;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { exp } = pending.data;
  if (exp <= nowSeconds || exp > nowSeconds + SIGN_IN_LIFETIME_SECONDS) return undefined;
  return sameText(pending.data.state, state) ? pending.data : undefined;
};

/** A console path as the browser must be sent to it: under the configured base URL (which keeps an API stage path). */
export const consoleUrl = (consoleBaseUrl: string | undefined, path: string): string =>
  `${consoleBaseUrl ?? ''}${path}`;
