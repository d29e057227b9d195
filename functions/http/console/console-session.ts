import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { STAFF_ROLES, type StaffUser } from '../../domain/staff.js';

/**
 * The staff console's session: a cookie holding who is signed in (the same fields as the bearer token's claims, so the
 * session's user gets exactly what the token's user gets) and its expiry, signed with HMAC-SHA256 under the session key
 * (`consoleSessions`). Nothing is stored server-side; a tampered, expired, over-long or foreign cookie is no session.
 */
export const SESSION_COOKIE = 'console_session';
/** A working day: after it, a new sign-in. */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;
/** Cookies above this are not read (a browser keeps 4 KB per cookie; a real session is well under 1 KB). */
const MAX_COOKIE_CHARS = 3_000;
const VERSION = 'v1';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const sessionSchema = z.strictObject({
  /** Random per sign-in: what the CSRF token is bound to. */
  sid: text(64),
  userId: text(128),
  username: text(128),
  name: text(256),
  email: text(320),
  storeId: text(64),
  roles: z.array(z.enum(STAFF_ROLES)).check(z.maxLength(STAFF_ROLES.length)),
  agentId: z.optional(text(64)),
  /** Unix seconds. */
  exp: z.number(),
});
export type ConsoleSession = z.infer<typeof sessionSchema>;

/** Who signs in: a staff user and their username (shown in the console's header). */
export interface SignedInStaff {
  user: StaffUser;
  username: string;
}

const hmac = (key: Uint8Array, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** Compared as written, not decoded: base64url decoding skips stray characters, so a tampered text could decode equal. */
const sameText = (a: string, b: string): boolean => {
  const [left, right] = [Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')];
  return left.length === right.length && timingSafeEqual(left, right);
};

/** A new session for this user, valid `SESSION_LIFETIME_SECONDS` from `now`. */
export const newSession = ({ user, username }: SignedInStaff, now: Date): ConsoleSession => ({
  sid: randomBytes(16).toString('base64url'),
  userId: user.userId,
  username,
  name: user.name,
  email: user.email,
  storeId: user.storeId,
  roles: [...user.roles],
  ...(user.agentId ? { agentId: user.agentId } : {}),
  exp: Math.floor(now.getTime() / 1000) + SESSION_LIFETIME_SECONDS,
});

/** The cookie's value: `v1.<payload>.<signature>`, base64url. */
export const sealSession = (key: Uint8Array, session: ConsoleSession): string => {
  const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  return `${VERSION}.${payload}.${hmac(key, `${VERSION}.${payload}`).toString('base64url')}`;
};

/**
 * The session a cookie value holds when this key signed it, its fields are well formed, and it has not expired at
 * `now` (nor expires further away than a session can last); undefined for anything else.
 */
export const openSession = (key: Uint8Array, value: string | undefined, now: Date): ConsoleSession | undefined => {
  if (value === undefined || value.length > MAX_COOKIE_CHARS) return undefined;
  const [version, payload, signature, ...rest] = value.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0) return undefined;
  if (!sameText(signature, hmac(key, `${VERSION}.${payload}`).toString('base64url'))) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const session = sessionSchema.safeParse(parsed);
  if (!session.success) return undefined;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { exp } = session.data;
  return exp > nowSeconds && exp <= nowSeconds + SESSION_LIFETIME_SECONDS ? session.data : undefined;
};

/** The staff user of a session, as `staffUserFromClaims` makes it of a bearer token's claims. */
export const sessionUser = (session: ConsoleSession): StaffUser => ({
  userId: session.userId,
  email: session.email,
  name: session.name,
  roles: [...session.roles],
  storeId: session.storeId,
  ...(session.agentId ? { agentId: session.agentId } : {}),
});

/** The CSRF token of a session: an HMAC of its id, so a token is worth nothing with any other session. */
export const csrfTokenOf = (key: Uint8Array, session: Pick<ConsoleSession, 'sid'>): string =>
  hmac(key, `csrf.${session.sid}`).toString('base64url');

export const isCsrfToken = (key: Uint8Array, session: Pick<ConsoleSession, 'sid'>, token: unknown): boolean =>
  typeof token === 'string' && token.length <= 128 && sameText(token, csrfTokenOf(key, session));
