import { createHash } from 'node:crypto';
import type { Locale } from '../domain/case.js';
import { escapeHtml } from '../email/render.js';

/**
 * The shell of every page for people: mobile-first, one inline stylesheet (allowed by its hash in the CSP, so no
 * inline script or other style could run), no script, no third-party resource, readable contrast (text #1f2933 on
 * white, 13:1; the primary button #1d4ed8 with white, 6.7:1) and a visible focus ring.
 */
const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2933;font:16px/1.6 -apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",Helvetica,Arial,sans-serif}
main{max-width:36rem;margin:0 auto;padding:1.25rem 1rem 2.5rem;background:#fff;min-height:100vh}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .75rem}
p{margin:0 0 1rem}
fieldset{border:1px solid #cbd2d9;border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.tag{font-weight:400;color:#52606d;font-size:.875rem}
.scale{display:flex;gap:.5rem;flex-wrap:wrap;margin:.5rem 0 0;padding:0;list-style:none}
.scale li{flex:1 1 3.5rem}
.scale input{position:absolute;opacity:0;width:1px;height:1px}
.scale label{display:block;text-align:center;padding:.6rem .25rem;border:2px solid #9aa5b1;border-radius:.5rem;cursor:pointer;min-height:2.75rem}
.scale input:checked+label{background:#1d4ed8;border-color:#1d4ed8;color:#fff;font-weight:600}
.scale input:focus-visible+label{outline:3px solid #f59e0b;outline-offset:2px}
.hint{color:#52606d;font-size:.875rem;margin:.25rem 0 0}
.error{color:#b91c1c;font-weight:600;margin:.5rem 0 0}
.summary{border:2px solid #b91c1c;border-radius:.5rem;padding:.75rem 1rem;color:#b91c1c;font-weight:600}
fieldset[aria-invalid=true]{border-color:#b91c1c}
label.block{display:block;font-weight:600;margin:0 0 .25rem}
textarea{width:100%;min-height:7rem;padding:.5rem;border:2px solid #9aa5b1;border-radius:.5rem;font:inherit;color:inherit}
textarea:focus-visible,button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
button{display:block;width:100%;margin:1.25rem 0 1rem;padding:.8rem 1rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.small{color:#52606d;font-size:.875rem}
`.trim();

const STYLE_HASH = createHash('sha256').update(STYLESHEET).digest('base64');

/** The page's Content-Security-Policy: nothing but this stylesheet, and forms posting back to this site. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "img-src 'none'",
].join('; ');

export const PAGE_STYLESHEET = STYLESHEET;

/** A whole HTML document; `body` is already-escaped HTML, `title` is text. */
export const pageDocument = (locale: Locale, title: string, body: string): string =>
  `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
  `<style>${STYLESHEET}</style></head><body><main>${body}</main></body></html>`;

/** A page with a heading and one message (thanks, gone, not found, errors). */
export const messagePage = (locale: Locale, title: string, message: string): string =>
  pageDocument(locale, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
