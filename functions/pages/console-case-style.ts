import { createHash } from 'node:crypto';
import { CONSOLE_STYLE_SOURCE } from './console/console-layout.js';
import { CONSOLE_CASE_SCRIPT } from './console-case-script.js';
import { CLOCK_SCRIPT_FILE, CLOCK_SCRIPT_SOURCE, clockScriptTag } from './console/clock-asset.js';
import { CONSOLE_CLOCK_SCRIPT } from './console/clock-script.js';

/**
 * The case page's own stylesheet (inline, allowed by its hash beside the shell's) and its CSP. Public and internal
 * events differ by a word, a solid or dashed edge and a tint, never by colour alone; text is at least 4.5:1 on its
 * background; focus is a 3 px amber ring; one column on a phone, two from 48rem.
 */
export const CASE_STYLESHEET = `
.case-nav{display:flex;gap:1rem;flex-wrap:wrap;margin:0 0 .75rem}
.notice{border:2px solid #047857;background:#ecfdf5;color:#065f46;border-radius:.5rem;padding:.6rem .9rem;font-weight:600}
.live{border:2px solid #1d4ed8;background:#eff6ff;border-radius:.5rem;padding:.6rem .9rem;margin:0 0 1rem}
.live:empty{display:none}.live p{margin:0}
main section,.case-head{background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
main section section{box-shadow:none;border-radius:0;border-top:1px solid #e4e7eb;padding:1rem 0 0;margin:1rem 0 0}
h2{font-size:1.2rem;margin:0 0 .75rem}h3{font-size:1.05rem;margin:0 0 .5rem}
.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.pairs dt{font-weight:600;color:#52606d}.pairs dd{margin:0;overflow-wrap:anywhere}
.clocks{display:flex;flex-wrap:wrap;gap:.75rem;margin:0}
.clock{border:2px solid #9aa5b1;border-radius:.5rem;padding:.5rem .75rem;flex:1 1 14rem}
.clock dt{font-weight:600}.clock dd{margin:0}
.clock.breached{border-color:#b91c1c;border-width:3px;color:#b91c1c}
.warn{border-left:4px solid #b45309;padding:.4rem .75rem;background:#fffbeb;margin:.75rem 0 0}
.columns{display:grid;gap:0 1rem}
@media (min-width:48rem){.columns{grid-template-columns:1fr 1fr}.columns>section:last-child{grid-column:1/-1}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .5rem}
.files,.messages,.timeline,.rounds{list-style:none;margin:0;padding:0}
.file{display:flex;gap:.75rem;align-items:flex-start;margin:0 0 .75rem}
.file img{object-fit:cover;border-radius:.375rem;border:1px solid #cbd2d9}
.file a{overflow-wrap:anywhere}
.message{border:1px solid #cbd2d9;border-radius:.5rem;padding:.6rem .8rem;margin:0 0 .6rem}
.message.staff{background:#f8fafc;margin-left:1.5rem}.message.customer{margin-right:1.5rem}
.meta{margin:0 0 .25rem;font-size:.875rem;color:#52606d}
.event{border-left:4px solid #1d4ed8;padding:.25rem .75rem;margin:0 0 .6rem}
.event.internal{border-left:4px dashed #92400e;background:#fffbeb}
.badge{display:inline-block;font-weight:700;font-size:.75rem;border:1px solid currentColor;border-radius:.25rem;padding:0 .35rem;color:#1e40af}
.event.internal .badge{color:#92400e}
.action form{display:grid;gap:.25rem}
textarea,main input:not([type]){font:inherit;width:100%;padding:.5rem;border:2px solid #9aa5b1;border-radius:.375rem;color:inherit;background:#fff}
textarea{min-height:6rem}main select{margin:0 0 .5rem}
fieldset{border:1px solid #cbd2d9;border-radius:.5rem;padding:.5rem .75rem;margin:.25rem 0 .5rem}
legend{font-weight:600}.tag{font-weight:400;color:#52606d}
.choice{display:flex;gap:.5rem;align-items:center;min-height:2.25rem}.choice label{font-weight:400;margin:0}
.choice input{width:1.25rem;height:1.25rem;margin:0}
.action button{justify-self:start;font:inherit;font-weight:600;border:0;border-radius:.375rem;padding:.6rem 1rem;background:#1d4ed8;color:#fff;cursor:pointer;min-height:2.75rem;margin:.5rem 0 0}
input:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.hint,.small{font-size:.875rem;color:#52606d;margin:0 0 .5rem}
.error{color:#b91c1c;font-weight:600;margin:0 0 .5rem}
.summary{border:2px solid #b91c1c;color:#b91c1c;border-radius:.5rem;padding:.5rem .75rem;font-weight:600}
[aria-invalid=true]{border-color:#b91c1c}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scroll{overflow-x:auto}
kbd{border:1px solid #9aa5b1;border-radius:.25rem;padding:0 .3rem;font-family:inherit;background:#f4f5f7}
details{background:#fff;border-radius:.5rem;padding:.75rem 1rem}summary{cursor:pointer;font-weight:600}
`.trim();

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

/** The script's file name carries its hash, so it is cached for good and a new version is a new URL. */
export const CASE_SCRIPT_FILE = `case-page-${sha256(CONSOLE_CASE_SCRIPT)
  .replace(/[^a-zA-Z0-9]/g, '')
  .slice(0, 12)}.js`;

/** The static assets the console serves (`GET /console/assets/{file}`), by file name. */
export const CONSOLE_ASSETS: Readonly<Record<string, { contentType: string; body: string }>> = {
  [CASE_SCRIPT_FILE]: { contentType: 'text/javascript; charset=utf-8', body: CONSOLE_CASE_SCRIPT },
  [CLOCK_SCRIPT_FILE]: { contentType: 'text/javascript; charset=utf-8', body: CONSOLE_CLOCK_SCRIPT },
};

/**
 * The case page's CSP: the shell's and this stylesheet by their hashes, the scripts (its own, the console's clock) by
 * their hashes (with the matching `integrity` on their tags, so only those exact files run), the poll to this site, images from this site and from the
 * origins of the thumbnails' signed links (the attachment bucket), forms to this site only.
 */
export const caseCsp = (imageOrigins: readonly string[]): string =>
  [
    "default-src 'none'",
    `style-src ${CONSOLE_STYLE_SOURCE} 'sha256-${sha256(CASE_STYLESHEET)}'`,
    `script-src 'sha256-${sha256(CONSOLE_CASE_SCRIPT)}' ${CLOCK_SCRIPT_SOURCE}`,
    "connect-src 'self'",
    `img-src 'self'${imageOrigins.map((origin) => ` ${origin}`).join('')}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * What the page adds to the shell's head: its stylesheet, its script and the console's clock script (both deferred;
 * the page works without them): one document and two static assets.
 */
export const caseHead = (assetsPath: string): string =>
  `<style>${CASE_STYLESHEET}</style>` +
  `<script src="${assetsPath}${CASE_SCRIPT_FILE}" integrity="sha256-${sha256(CONSOLE_CASE_SCRIPT)}" defer></script>` +
  clockScriptTag(assetsPath);
