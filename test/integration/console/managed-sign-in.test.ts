import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoManagedLogin } from '../../../functions/adapters/cognito/cognito-managed-login.js';
import { completeManagedSignIn, startManagedSignIn } from '../../../functions/http/console/managed-sign-in.js';
import { openSession, SESSION_COOKIE } from '../../../functions/http/console/console-session.js';
import { SIGN_IN_COOKIE } from '../../../functions/http/console/sign-in-flow.js';
import type { ConsoleSessions } from '../../../functions/ports/console-sessions.js';
import {
  CLIENT_ID,
  issuerOf,
  OTHER_POOL_ID,
  POOL_ID,
  staffClaims,
  startCognitoStandIn,
  type CognitoStandIn,
} from './cognito-stand-in.js';

const BASE_URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod';
const HEADERS = {
  host: 'abc123.execute-api.eu-west-1.amazonaws.com',
  'x-forwarded-proto': 'https',
  'accept-language': 'en',
};
const clock = { now: () => new Date() };

let cognito: CognitoStandIn;
let sessions: ConsoleSessions;
const key = randomBytes(32);

beforeAll(async () => {
  cognito = await startCognitoStandIn();
  sessions = {
    sessionKey: async () => key,
    consoleBaseUrl: BASE_URL,
    managedLogin: new CognitoManagedLogin({
      domainUrl: cognito.url,
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      callbackUrl: `${BASE_URL}/console/auth/callback`,
      logoutRedirectUrl: `${BASE_URL}/console/sign-in`,
      jwksCache: cognito.jwksCache,
    }),
  };
});
afterAll(() => cognito.close());

const setCookies = (result: APIGatewayProxyResult): string[] =>
  (result.multiValueHeaders?.['set-cookie'] ?? []).map(String);
/** A cookie's value as set (`name=value; ...`), or undefined when not set or cleared. */
const cookieSet = (result: APIGatewayProxyResult, name: string): string | undefined => {
  const found = setCookies(result).find((cookie) => cookie.startsWith(`${name}=`));
  const value = found?.split(';')[0]?.slice(name.length + 1);
  return value === '' ? undefined : value;
};

/** The browser's first step: the sign-in redirect, its authorize URL and the pending sign-in's cookie. */
const begin = async (returnTo?: string) => {
  const started = await startManagedSignIn({ consoleSessions: sessions, clock }, { headers: HEADERS, returnTo });
  const authorizeUrl = String(started.headers?.location);
  const pending = cookieSet(started, SIGN_IN_COOKIE);
  if (!pending) throw new Error('No sign-in cookie');
  return { started, authorizeUrl, pending, state: new URL(authorizeUrl).searchParams.get('state') ?? '' };
};

const callback = (pending: string | undefined, query: Record<string, string | undefined>) =>
  completeManagedSignIn(
    { consoleSessions: sessions, clock },
    { headers: { ...HEADERS, ...(pending ? { cookie: `${SIGN_IN_COOKIE}=${pending}` } : {}) }, query },
  );

const expectNoSession = (result: APIGatewayProxyResult) => {
  expect(result.statusCode).toBe(400);
  expect(result.body).toContain('Sign-in did not complete');
  expect(cookieSet(result, SESSION_COOKIE)).toBeUndefined();
  // The pending sign-in is spent whatever happened.
  expect(setCookies(result)).toContainEqual(expect.stringMatching(new RegExp(`^${SIGN_IN_COOKIE}=; .*Max-Age=0`)));
};

describe('Console sign-in: managed login with PKCE against a Cognito stand-in', () => {
  it('sends the browser to /oauth2/authorize with the code flow, an S256 challenge and a state', async () => {
    const { started, authorizeUrl, state } = await begin();
    expect(started.statusCode).toBe(303);
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${cognito.url}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${BASE_URL}/console/auth/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state.length).toBeGreaterThanOrEqual(32);
    const cookie = setCookies(started).find((value) => value.startsWith(`${SIGN_IN_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Max-Age=600/);
  });

  it('signs in: the code is redeemed with its verifier and the session holds the user of the token', async () => {
    const { authorizeUrl, pending, state } = await begin('/console/cases/case-1');
    const code = await cognito.signIn(authorizeUrl);

    const result = await callback(pending, { code, state });

    expect(result.statusCode).toBe(303);
    // Under the stage path of the configured base URL, back to the page the user asked for.
    expect(result.headers?.location).toBe(`${BASE_URL}/console/cases/case-1`);
    const session = openSession(key, cookieSet(result, SESSION_COOKIE), new Date());
    expect(session).toMatchObject({
      userId: staffClaims.sub,
      username: 'agent1',
      email: staffClaims.email,
      name: staffClaims.name,
      storeId: 'store-a',
      roles: ['agent'],
      agentId: 'agent-1',
    });
  });

  it('returns only to console pages: another host is the queue', async () => {
    for (const returnTo of [
      '//evil.example/console',
      'https://evil.example',
      '/console/../v1/admin',
      '/console/%2e%2e/v1',
      '/consoleX',
      '/console?x=1',
    ]) {
      const { authorizeUrl, pending, state } = await begin(returnTo);
      const result = await callback(pending, { code: await cognito.signIn(authorizeUrl), state });
      expect(result.headers?.location, returnTo).toBe(`${BASE_URL}/console`);
    }
  });

  it('refuses a wrong state: no session, and the code is never redeemed', async () => {
    const { authorizeUrl, pending } = await begin();
    const code = await cognito.signIn(authorizeUrl);
    const before = cognito.tokenRequests;

    expectNoSession(await callback(pending, { code, state: 'x'.repeat(43) }));
    expect(cognito.tokenRequests).toBe(before);
  });

  it('refuses a callback without its pending sign-in (another browser, or the cookie expired or forged)', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const code = await cognito.signIn(authorizeUrl);
    expectNoSession(await callback(undefined, { code, state }));
    const forged = `${pending.split('.')[0]}.${'A'.repeat(43)}`;
    expectNoSession(await callback(forged, { code, state }));
  });

  it('refuses a reused state: the replayed callback, with or without the spent cookie', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const code = await cognito.signIn(authorizeUrl);
    const first = await callback(pending, { code, state });
    expect(cookieSet(first, SESSION_COOKIE)).toBeDefined();
    expect(setCookies(first)).toContainEqual(expect.stringMatching(new RegExp(`^${SIGN_IN_COOKIE}=; `)));

    // The browser no longer has the cookie; an attacker who kept it finds the code spent at the pool.
    expectNoSession(await callback(undefined, { code, state }));
    expectNoSession(await callback(pending, { code, state }));
  });

  it('refuses a code the pool does not accept (an unknown code, an error sent back instead of a code)', async () => {
    const { pending, state } = await begin();
    expectNoSession(await callback(pending, { code: 'not-a-code', state }));
    const second = await begin();
    expectNoSession(await callback(second.pending, { error: 'access_denied', state: second.state }));
  });

  it('refuses a token for another client', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const code = await cognito.signIn(authorizeUrl, { aud: 'another-client' });
    expectNoSession(await callback(pending, { code, state }));
  });

  it('refuses an expired token', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const past = Math.floor(Date.now() / 1000) - 7200;
    const code = await cognito.signIn(authorizeUrl, { iat: past, auth_time: past, exp: past + 3600 });
    expectNoSession(await callback(pending, { code, state }));
  });

  it('refuses a token of another user pool', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const code = await cognito.signIn(authorizeUrl, { iss: issuerOf(OTHER_POOL_ID) });
    expectNoSession(await callback(pending, { code, state }));
  });

  it('refuses an access token passed off as the ID token', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const code = await cognito.signIn(authorizeUrl, { token_use: 'access' });
    expectNoSession(await callback(pending, { code, state }));
  });

  it('refuses a token that names no store (not a staff user)', async () => {
    const { authorizeUrl, pending, state } = await begin();
    const code = await cognito.signIn(authorizeUrl, { 'custom:storeId': undefined });
    expectNoSession(await callback(pending, { code, state }));
  });

  it('says sign-in is not set up where the stack has no console domain (404)', async () => {
    const bare: ConsoleSessions = { sessionKey: async () => key };
    const started = await startManagedSignIn(
      { consoleSessions: bare, clock },
      { headers: HEADERS, returnTo: undefined },
    );
    expect(started.statusCode).toBe(404);
    const returned = await completeManagedSignIn(
      { consoleSessions: bare, clock },
      { headers: HEADERS, query: { code: 'c', state: 's' } },
    );
    expect(returned.statusCode).toBe(404);
    expect(cookieSet(returned, SESSION_COOKIE)).toBeUndefined();
  });

  it('signs out of the pool too: /logout with the client id and the sign-out URL', () => {
    const url = new URL(sessions.managedLogin?.logoutUrl() ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${cognito.url}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      logout_uri: `${BASE_URL}/console/sign-in`,
    });
  });
});
