import type { APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../../commons/logger.js';
import type { Clock } from '../../ports/clock.js';
import { SignInRefusedError, type ConsoleSessions } from '../../ports/console-sessions.js';
import { consoleMessagePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { staffUserFromClaims } from '../staff-claims.js';
import { consoleHtml } from './console-route.js';
import { consoleLocale, cookiesOf, seeOther, setCookie } from './console-request.js';
import { newSession, sealSession, SESSION_COOKIE, SESSION_LIFETIME_SECONDS } from './console-session.js';
import { consoleUrl, pendingSignIn, SIGN_IN_COOKIE, SIGN_IN_LIFETIME_SECONDS, startSignIn } from './sign-in-flow.js';

type Headers = Record<string, string | undefined>;
interface SignInPorts {
  consoleSessions: ConsoleSessions;
  clock: Clock;
}

/** Cognito's own username claim: shown in the console's header, as the local sign-in shows the chosen username. */
const USERNAME_CLAIM = 'cognito:username';

const refusal = (statusCode: number, headers: Headers, kind: 'failed' | 'unavailable'): APIGatewayProxyResult => {
  const locale = consoleLocale(headers);
  const words = CONSOLE_WORDS[locale];
  const [title, message] =
    kind === 'failed'
      ? [words.signInFailedTitle, words.signInFailed]
      : [words.signInUnavailableTitle, words.signInUnavailable];
  const page = consoleHtml(statusCode, consoleMessagePage(locale, title, message));
  return { ...page, headers: { ...page.headers, 'cache-control': 'no-store' } };
};

/**
 * GET /console/sign-in in AWS: a new sign-in (state, PKCE verifier and the page to return to in a signed cookie of
 * 10 minutes), then the user pool's managed login. A stack without a console domain says so (404).
 */
export const startManagedSignIn = async (
  { consoleSessions, clock }: SignInPorts,
  request: { headers: Headers; returnTo: string | undefined },
): Promise<APIGatewayProxyResult> => {
  const login = consoleSessions.managedLogin;
  if (!login) return refusal(404, request.headers, 'unavailable');
  const key = await consoleSessions.sessionKey();
  const { cookie, state, codeChallenge } = startSignIn(key, request.returnTo ?? '', clock.now());
  return seeOther(login.authorizeUrl({ state, codeChallenge }), [
    setCookie(SIGN_IN_COOKIE, cookie, SIGN_IN_LIFETIME_SECONDS, request.headers),
  ]);
};

/**
 * GET /console/auth/callback: the state must be the pending sign-in's (its cookie, cleared here whatever happens, so
 * a state is good once), the pool must accept the code with its verifier, and the ID token must verify against the
 * pool and this client; then the console session, built from the token's claims exactly as the API reads a bearer
 * token's. Anything else is a 400 page and no session. An error sent back by the pool (`?error=`) is a refusal too.
 */
export const completeManagedSignIn = async (
  { consoleSessions, clock }: SignInPorts,
  request: { headers: Headers; query: Record<string, string | undefined> },
): Promise<APIGatewayProxyResult> => {
  const { headers, query } = request;
  const login = consoleSessions.managedLogin;
  if (!login) return refusal(404, headers, 'unavailable');
  const clearPending = setCookie(SIGN_IN_COOKIE, '', 0, headers);
  const refused = (reason: string): APIGatewayProxyResult => {
    logger.warn('Console sign-in refused', { reason });
    const page = refusal(400, headers, 'failed');
    return { ...page, multiValueHeaders: { 'set-cookie': [clearPending] } };
  };
  const key = await consoleSessions.sessionKey();
  const now = clock.now();
  const pending = pendingSignIn(key, cookiesOf(headers).get(SIGN_IN_COOKIE), query.state, now);
  if (!pending) return refused('state');
  const code = query.code;
  if (!code || code.length > 2_048 || query.error) return refused('no_code');
  let claims: Record<string, unknown>;
  try {
    claims = await login.redeemCode({ code, codeVerifier: pending.verifier });
  } catch (error) {
    if (error instanceof SignInRefusedError) return refused(error.reason);
    throw error;
  }
  const user = staffUserFromClaims(claims);
  if (!user) return refused('claims');
  const username = typeof claims[USERNAME_CLAIM] === 'string' ? claims[USERNAME_CLAIM] : user.email;
  const session = newSession({ user, username: username.slice(0, 128) }, now);
  return seeOther(consoleUrl(consoleSessions.consoleBaseUrl, pending.returnTo), [
    clearPending,
    setCookie(SESSION_COOKIE, sealSession(key, session), SESSION_LIFETIME_SECONDS, headers),
  ]);
};
