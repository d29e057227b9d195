import { createHash } from 'node:crypto';
import { CONSOLE_CLOCK_SCRIPT } from './clock-script.js';

/**
 * The console's clock script as a static asset (`GET /console/assets/{file}`), loaded by the queue and the case page:
 * named by its hash (cached for good, a new version is a new URL) and allowed by its hash in each page's CSP, with the
 * matching `integrity` on its tag, so only that exact file runs.
 */
const HASH = createHash('sha256').update(CONSOLE_CLOCK_SCRIPT).digest('base64');

export const CLOCK_SCRIPT_FILE = `clock-${HASH.replace(/[^a-zA-Z0-9]/g, '').slice(0, 12)}.js`;

/** The script's CSP source, for a page's `script-src`. */
export const CLOCK_SCRIPT_SOURCE = `'sha256-${HASH}'`;

/** The tag a page adds to its head (deferred: the page is whole without it). `assetsPath` ends with a slash. */
export const clockScriptTag = (assetsPath: string): string =>
  `<script src="${assetsPath}${CLOCK_SCRIPT_FILE}" integrity="sha256-${HASH}" defer></script>`;
