import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * uPlot (MIT, ~50 KB minified), served inside the page from the function's own bundle: no CDN, no extra request, and
 * the CSP allows exactly this script and stylesheet by their hashes.
 *
 * In a Lambda bundle esbuild inlines each file as a string (the import attribute `type: 'text'`), so nothing is read
 * from disk there. Node (under tsx) refuses that attribute and vitest imports the file as a module instead: both run
 * from the repository, where the files are read from node_modules. `test/unit/pages/chart-library.test.ts` builds a
 * real bundle and runs it away from node_modules.
 */
const SCRIPT = 'uplot/dist/uPlot.iife.min.js';
const STYLESHEET = 'uplot/dist/uPlot.min.css';

const fromNodeModules = (file: string): string => readFileSync(createRequire(import.meta.url).resolve(file), 'utf8');

const asText = (module: { default?: unknown }): string | undefined =>
  typeof module.default === 'string' && module.default !== '' ? module.default : undefined;

const inlined = async (load: () => Promise<{ default?: unknown }>): Promise<string | undefined> => {
  try {
    return asText(await load());
  } catch {
    return undefined;
  }
};

// Literal specifiers: esbuild only inlines an import it can see.
export const UPLOT_SCRIPT: string =
  (await inlined(() => import('uplot/dist/uPlot.iife.min.js', { with: { type: 'text' } }))) ?? fromNodeModules(SCRIPT);

export const UPLOT_STYLESHEET: string =
  (await inlined(() => import('uplot/dist/uPlot.min.css', { with: { type: 'text' } }))) ?? fromNodeModules(STYLESHEET);
