import type { APIGatewayProxyResult } from 'aws-lambda';
import type { PortName } from '../../capabilities/catalog.js';
import type { PortSource } from '../../capabilities/declared-ports.js';
import type { Locale } from '../../domain/case-vocabulary.js';
import type { StaffUser } from '../../domain/staff.js';
import { CONSOLE_CSP, consoleMessagePage, samePageHref } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { htmlResponse, pageRoute, type PageRequest } from '../page-route.js';
import {
  CONSOLE_REFERRER_POLICY,
  asConsoleLocale,
  consoleLocale,
  cookiesOf,
  isSameOrigin,
  languageCookie,
  seeOther,
} from './console-request.js';
import {
  csrfTokenOf,
  isCsrfToken,
  openSession,
  SESSION_COOKIE,
  sessionUser,
  type ConsoleSession,
} from './console-session.js';
import { CONSOLE_HOME, consoleUrl, returnPathOf } from './sign-in-flow.js';

/** Where a request without a session is sent. */
export const SIGN_IN_PATH = '/console/sign-in';
/**
 * The sign-in page under the configured base URL (an API stage path kept); a GET comes back to its page once signed
 * in (`returnTo`, checked again by the sign-in), a post to the queue (its form is gone).
 */
const signInUrl = (consoleBaseUrl: string | undefined, method: string, path: string): string =>
  consoleUrl(
    consoleBaseUrl,
    method === 'GET' && returnPathOf(path) === path && path !== CONSOLE_HOME
      ? `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(path)}`
      : SIGN_IN_PATH,
  );

/** The hidden form field every console form carries. */
export const CSRF_FIELD = 'csrf';

export interface ConsoleRequest<P extends PortName> extends PageRequest<P> {
  /** The signed-in user: the same `StaffUser` a bearer token gives the API, so the same store and role rules apply. */
  user: StaffUser;
  session: ConsoleSession;
  /** For the page's forms (`<input type="hidden" name="csrf">`). */
  csrfToken: string;
  locale: Locale;
  /** The request's path, e.g. `/console` (for the shell's language switch). */
  path: string;
}

/** An HTML page of the console, under the console's CSP (or the page's own) and referrer policy. */
export const consoleHtml = (statusCode: number, html: string, csp = CONSOLE_CSP): APIGatewayProxyResult => {
  const page = htmlResponse(statusCode, html, csp);
  return { ...page, headers: { ...page.headers, 'referrer-policy': CONSOLE_REFERRER_POLICY } };
};

/**
 * A console route (`auth: 'console'`, `kind: 'page'` in functions/wiring/routes.ts), on the page route's middy stack.
 * Before the handler runs:
 * - no valid session cookie (missing, tampered, expired, another key's): `303` to the sign-in page (under the
 *   configured base URL; a GET's page as `returnTo`). An expired session is a new sign-in: no refresh token is kept;
 * - a GET with `?lang=en|zh-CN`: the choice is remembered in a cookie and the browser sent back to the same path;
 * - any other method: the `csrf` field must be the session's token and the `Origin` (or `Referer`) this site, else a
 *   403 page and the handler never runs (nothing written).
 */
export const consoleRoute = <P extends PortName>(
  ports: PortSource<P | 'consoleSessions'>,
  handle: (request: ConsoleRequest<P | 'consoleSessions'>) => Promise<APIGatewayProxyResult>,
) =>
  pageRoute(ports, async (request) => {
    const { headers, dependencies } = request;
    const key = await dependencies.consoleSessions.sessionKey();
    const now = dependencies.clock.now();
    const session = openSession(key, cookiesOf(headers).get(SESSION_COOKIE), now);
    const method = request.method;
    const path = request.path;
    if (!session) return seeOther(signInUrl(dependencies.consoleSessions.consoleBaseUrl, method, path));
    if (method === 'GET') {
      const chosen = asConsoleLocale(request.query.lang);
      if (chosen) return seeOther(samePageHref(path, request.query), [languageCookie(chosen, headers)]);
    } else {
      const fields = request.fields as Record<string, unknown> | undefined;
      if (!isSameOrigin(headers) || !isCsrfToken(key, session, fields?.[CSRF_FIELD])) {
        const words = CONSOLE_WORDS[consoleLocale(headers)];
        return consoleHtml(403, consoleMessagePage(consoleLocale(headers), words.forbiddenTitle, words.forbidden));
      }
    }
    return handle({
      ...request,
      user: sessionUser(session),
      session,
      csrfToken: csrfTokenOf(key, session),
      locale: consoleLocale(headers),
      path,
    });
  });
