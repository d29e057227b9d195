import type { Locale } from '../../domain/case.js';
import { localeFromAcceptLanguage } from '../../pages/page-words.js';

/** Cookie and origin rules every console response follows, apart from the session itself (`console-session.ts`). */
type Headers = Record<string, string | undefined>;

/**
 * Console pages' `Referrer-Policy`: `same-origin`, not the API's `no-referrer`, under which a browser sends
 * `Origin: null` on a form post and the same-origin check could not tell the console's own forms from a forged one.
 * Other sites still get no referrer.
 */
export const CONSOLE_REFERRER_POLICY = 'same-origin';

/** The console's language cookie (`en` or `zh-CN`): the user's choice, remembered for a year. */
export const LANGUAGE_COOKIE = 'console_lang';
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60;
export const CONSOLE_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The request's cookies by name (the first of a repeated name; at most 50 read). */
export const cookiesOf = (headers: Headers): Map<string, string> => {
  const cookies = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';').slice(0, 50)) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
};

/** `https` behind API Gateway or CloudFront (`X-Forwarded-Proto`), else `http` (the local stack). */
export const schemeOf = (headers: Headers): 'https' | 'http' =>
  headers['x-forwarded-proto']?.split(',')[0]?.trim().toLowerCase() === 'https' ? 'https' : 'http';

/** This site's origin as the browser sees it. */
export const originOf = (headers: Headers): string | undefined =>
  headers.host ? `${schemeOf(headers)}://${headers.host.toLowerCase()}` : undefined;

/**
 * A state-changing request came from one of this site's pages: its `Origin`, or its `Referer` when the browser sent no
 * Origin, names this site. Neither present is refused too (every current browser sends one of them on a form post).
 */
export const isSameOrigin = (headers: Headers): boolean => {
  const site = originOf(headers);
  if (site === undefined) return false;
  const origin = headers.origin ?? refererOrigin(headers.referer);
  return origin !== undefined && origin.toLowerCase() === site;
};

const refererOrigin = (referer: string | undefined): string | undefined => {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
};

/** A `Set-Cookie` value: `HttpOnly`, `SameSite=Lax`, `Path=/`, `Secure` on https; `maxAge` 0 clears it. */
export const setCookie = (name: string, value: string, maxAgeSeconds: number, headers: Headers): string =>
  [
    `${name}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(schemeOf(headers) === 'https' ? ['Secure'] : []),
  ].join('; ');

export const languageCookie = (locale: Locale, headers: Headers): string =>
  setCookie(LANGUAGE_COOKIE, locale, LANGUAGE_COOKIE_SECONDS, headers);

export const asConsoleLocale = (value: string | undefined): Locale | undefined =>
  CONSOLE_LOCALES.find((locale) => locale === value);

/** The language chosen (its cookie), else the browser's (`Accept-Language`). */
export const consoleLocale = (headers: Headers): Locale =>
  asConsoleLocale(cookiesOf(headers).get(LANGUAGE_COOKIE)) ?? localeFromAcceptLanguage(headers['accept-language']);

/** A `303 See Other` to a path of this site (after a form post, or to the sign-in page). */
export const seeOther = (location: string, cookies: string[] = []) => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store' },
  ...(cookies.length > 0 ? { multiValueHeaders: { 'set-cookie': cookies } } : {}),
  body: '',
});
