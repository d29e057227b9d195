import { createHash } from 'node:crypto';
import type { Locale } from '../../domain/case-vocabulary.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import { escapeHtml } from '../../email/render.js';
import { ADMIN_STYLES } from './admin/admin-styles.js';
import { CONSOLE_WORDS } from './console-words.js';
import { QUEUE_STYLES } from './queue-styles.js';

/**
 * The console's shell: one inline stylesheet allowed by its hash (no script, no inline handler, no other host), a
 * header with the user and store, the nav by role, the language switch and the sign-out form. Mobile first: the
 * header wraps and tables become stacked rows under 40rem. Focus is always visible.
 */
const STYLESHEET =
  `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2933;font:16px/1.5 -apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",Helvetica,Arial,sans-serif}
a{color:#1d4ed8}
a:focus-visible,button:focus-visible,select:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:1}
header{background:#1f2933;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
header a{color:#fff}
.brand{font-weight:700;margin-right:auto}
header nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
header form{margin:0}
.who{font-size:.875rem;color:#e4e7eb}
.btn{font:inherit;font-weight:600;border:0;border-radius:.375rem;padding:.5rem .9rem;background:#1d4ed8;color:#fff;cursor:pointer;min-height:2.75rem}
header .btn{background:#fff;color:#1f2933;min-height:2.25rem;padding:.3rem .8rem}
main{max-width:72rem;margin:0 auto;padding:1.25rem 1rem 2.5rem}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .5rem}
p{margin:0 0 1rem}
.card{background:#fff;border-radius:.5rem;padding:1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.6rem .5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{font-size:.875rem;color:#52606d}
.breached{color:#b91c1c;font-weight:600}
.muted{color:#52606d}
.p1{font-weight:700;color:#b91c1c}
label{display:block;font-weight:600;margin:0 0 .25rem}
select{font:inherit;width:100%;max-width:24rem;padding:.5rem;border:2px solid #9aa5b1;border-radius:.375rem;margin:0 0 1rem;background:#fff;color:inherit}
@media (max-width:40rem){
thead{position:absolute;left:-999px}
tr{display:block;border-bottom:2px solid #cbd2d9;padding:.5rem 0}
td{display:flex;gap:.5rem;border:0;padding:.2rem .5rem}
td::before{content:attr(data-label);font-weight:600;color:#52606d;min-width:6.5rem}
}
`.trim() +
  ADMIN_STYLES +
  QUEUE_STYLES;

const STYLE_HASH = createHash('sha256').update(STYLESHEET).digest('base64');

/** The hash source of the shell's stylesheet, for a page whose CSP adds its own. */
export const CONSOLE_STYLE_SOURCE = `'sha256-${STYLE_HASH}'`;

/** The console's Content-Security-Policy: this stylesheet only, forms posting to this site, no framing. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "img-src 'self'",
].join('; ');

/**
 * A whole console document without the signed-in header (the sign-in page). `body` is escaped HTML; `head` is what a
 * page adds to the head (its own stylesheet and script, allowed by its own CSP).
 */
export const consoleDocument = (locale: Locale, title: string, header: string, body: string, head = ''): string =>
  `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
  `<style>${STYLESHEET}</style>${head}</head><body>` +
  `<a class="skip" href="#main">${escapeHtml(CONSOLE_WORDS[locale].skipToContent)}</a>` +
  `${header}<main id="main">${body}</main></body></html>`;

export interface ShellContext {
  locale: Locale;
  user: StaffUser;
  /** The current path, for the language switch to come back to. */
  path: string;
  /** The current query (a queue's filters, search and page), which the language switch keeps. */
  query?: Readonly<Record<string, string | undefined>>;
  csrfToken: string;
}

/** Query parameters that are one page's moment, not where the user is: the language asked for, a save's notice. */
const ONE_TIME_PARAMETERS = new Set(['lang', 'saved', 'notice']);

/**
 * The same page (its filters, search and page kept) with `extra` parameters: the language switch's link, and where
 * `consoleRoute` sends the browser back once the language is remembered.
 */
export const samePageHref = (
  path: string,
  query: Readonly<Record<string, string | undefined>> = {},
  extra: Readonly<Record<string, string>> = {},
): string => {
  const kept = Object.entries(query).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !ONE_TIME_PARAMETERS.has(entry[0]),
  );
  const search = new URLSearchParams([...kept, ...Object.entries(extra)]).toString();
  return search ? `${path}?${search}` : path;
};

/**
 * A console page in the shell. Nav: Queue for everyone, Reports for supervisors and admins, Admin for admins. The
 * language switch is a link (`?lang=`, remembered in a cookie by `consoleRoute`); sign-out is a form post with the
 * CSRF token, so it works without JavaScript.
 */
export const consolePage = (
  { locale, user, path, query, csrfToken }: ShellContext,
  title: string,
  body: string,
  head = '',
): string => {
  const words = CONSOLE_WORDS[locale];
  const nav = [
    `<li><a href="/console"${path === '/console' ? ' aria-current="page"' : ''}>${escapeHtml(words.nav.queue)}</a></li>`,
    ...(isSupervising(user) ? [`<li><a href="/console/reports">${escapeHtml(words.nav.reports)}</a></li>`] : []),
    ...(user.roles.includes('admin') ? [`<li><a href="/console/admin">${escapeHtml(words.nav.admin)}</a></li>`] : []),
  ].join('');
  const roles = user.roles.map((role) => words.roles[role]).join(', ');
  const other = words.language;
  const header =
    `<header><span class="brand">${escapeHtml(words.product)}</span>` +
    `<nav aria-label="${escapeHtml(words.nav.label)}"><ul>${nav}</ul></nav>` +
    `<span class="who">${escapeHtml(words.signedInAs(user.name, user.storeId))} (${escapeHtml(roles)})</span>` +
    `<a href="${escapeHtml(samePageHref(path, query, { lang: other.otherLang }))}" lang="${other.otherLang}" hreflang="${other.otherLang}" ` +
    `aria-label="${escapeHtml(other.otherName)}">${escapeHtml(other.other)}</a>` +
    `<form method="post" action="/console/sign-out"><input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">` +
    `<button class="btn" type="submit">${escapeHtml(words.signOut)}</button></form></header>`;
  return consoleDocument(locale, `${title} · ${words.product}`, header, body, head);
};

/** A page with a heading and one message, in the bare shell (refusals before or without a session). */
export const consoleMessagePage = (locale: Locale, title: string, message: string): string =>
  consoleDocument(locale, title, '', `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
