import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  csrfTokenOf,
  isCsrfToken,
  newSession,
  openSession,
  sealSession,
  SESSION_LIFETIME_SECONDS,
  sessionUser,
} from '../../../../functions/http/console/console-session.js';
import { isSameOrigin, setCookie } from '../../../../functions/http/console/console-request.js';
import type { StaffUser } from '../../../../functions/domain/staff.js';

const key = randomBytes(32);
const now = new Date('2026-12-07T08:00:00Z');
const agent: StaffUser = {
  userId: 'local-agent1',
  email: 'agent1@store-a.example',
  name: 'Wang Fang',
  roles: ['agent'],
  storeId: 'store-a',
  agentId: 'agent1',
};

const sealed = () => {
  const session = newSession({ user: agent, username: 'agent1' }, now);
  return { session, cookie: sealSession(key, session) };
};

describe('console session cookie', () => {
  it('opens as the same staff user the bearer token would give, until it expires', () => {
    const { cookie } = sealed();
    const opened = openSession(key, cookie, now);
    expect(opened && sessionUser(opened)).toEqual(agent);
    const lastSecond = new Date(now.getTime() + (SESSION_LIFETIME_SECONDS - 1) * 1000);
    expect(openSession(key, cookie, lastSecond)).toBeDefined();
    expect(openSession(key, cookie, new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000))).toBeUndefined();
  });

  it('is no session when tampered with, signed with another key, or malformed', () => {
    const { session, cookie } = sealed();
    const [version, , signature] = cookie.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...session, roles: ['admin'] })).toString('base64url');
    expect(openSession(key, `${version}.${promoted}.${signature}`, now)).toBeUndefined();
    expect(openSession(key, `${cookie.slice(0, -1)}${cookie.endsWith('A') ? 'B' : 'A'}`, now)).toBeUndefined();
    expect(openSession(key, `${cookie}!`, now)).toBeUndefined();
    expect(openSession(randomBytes(32), cookie, now)).toBeUndefined();
    for (const value of [undefined, '', 'v1', 'v1..', 'v2.a.b', `${cookie}.x`, 'x'.repeat(5000)]) {
      expect(openSession(key, value, now), String(value).slice(0, 20)).toBeUndefined();
    }
  });

  it('refuses a validly signed session that would last longer than a session can (a forged lifetime)', () => {
    const { session } = sealed();
    const longer = sealSession(key, { ...session, exp: session.exp + 60 });
    expect(openSession(key, longer, now)).toBeUndefined();
    const badFields = sealSession(key, { ...session, roles: ['owner'] } as unknown as typeof session);
    expect(openSession(key, badFields, now)).toBeUndefined();
  });

  it("binds the CSRF token to the session: another session's token, or none, is refused", () => {
    const { session } = sealed();
    const other = newSession({ user: agent, username: 'agent1' }, now);
    const token = csrfTokenOf(key, session);
    expect(isCsrfToken(key, session, token)).toBe(true);
    expect(isCsrfToken(key, session, csrfTokenOf(key, other))).toBe(false);
    expect(isCsrfToken(key, session, undefined)).toBe(false);
    expect(isCsrfToken(key, session, `${token}=`)).toBe(false);
    expect(isCsrfToken(randomBytes(32), session, token)).toBe(false);
  });
});

describe('console request rules', () => {
  const site = { host: '127.0.0.1:3000' };
  it('accepts a post from this site by Origin, or by Referer when there is no Origin', () => {
    expect(isSameOrigin({ ...site, origin: 'http://127.0.0.1:3000' })).toBe(true);
    expect(isSameOrigin({ ...site, referer: 'http://127.0.0.1:3000/console?x=1' })).toBe(true);
    expect(isSameOrigin({ ...site, origin: 'https://evil.example' })).toBe(false);
    expect(isSameOrigin({ ...site, origin: 'null', referer: 'http://127.0.0.1:3000/console' })).toBe(false);
    expect(isSameOrigin({ ...site, referer: 'https://evil.example/console' })).toBe(false);
    expect(isSameOrigin(site)).toBe(false);
    expect(isSameOrigin({ host: 'a.example', 'x-forwarded-proto': 'https', origin: 'https://a.example' })).toBe(true);
    expect(isSameOrigin({ host: 'a.example', 'x-forwarded-proto': 'https', origin: 'http://a.example' })).toBe(false);
  });

  it('sets cookies HttpOnly, SameSite=Lax, Path=/, and Secure only on https', () => {
    expect(setCookie('s', 'v', 60, site)).toBe('s=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax');
    expect(setCookie('s', 'v', 60, { ...site, 'x-forwarded-proto': 'https' })).toBe(
      's=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure',
    );
  });
});
