import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOT_SCRIPT, UPLOT_STYLESHEET } from '../../../functions/pages/chart-library.js';
import { REPO_ROOT } from '../../../infra/config.js';
import { functionBuildOptions } from '../../../infra/function-bundling.js';

const run = promisify(execFile);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

/** What a runtime printed: the hash and length of each inlined file. */
const PRINT = `console.log(JSON.stringify({
  script: createHash('sha256').update(UPLOT_SCRIPT).digest('base64'),
  stylesheet: createHash('sha256').update(UPLOT_STYLESHEET).digest('base64'),
}));`;

let outDir: string;
let published: { script: string; stylesheet: string };

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'chart-library-test-'));
  published = {
    script: sha256(await readFile(join(REPO_ROOT, 'node_modules', 'uplot', 'dist', 'uPlot.iife.min.js'), 'utf8')),
    stylesheet: sha256(await readFile(join(REPO_ROOT, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), 'utf8')),
  };
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('Module: chart-library (uPlot served from the bundle)', () => {
  it('is the published uPlot build and stylesheet under vitest', () => {
    expect({ script: sha256(UPLOT_SCRIPT), stylesheet: sha256(UPLOT_STYLESHEET) }).toEqual(published);
    expect(UPLOT_SCRIPT).toContain('uPlot');
  });

  it('is inlined into a Lambda bundle (the deployed esbuild options), which runs with no node_modules near it', async () => {
    const entry = join(outDir, 'entry.ts');
    await writeFile(
      entry,
      `import { createHash } from 'node:crypto';\n` +
        `import { UPLOT_SCRIPT, UPLOT_STYLESHEET } from ${JSON.stringify(join(REPO_ROOT, 'functions', 'pages', 'chart-library.ts'))};\n${PRINT}\n`,
    );
    const outfile = join(outDir, 'bundle', 'index.mjs');
    await build({
      ...functionBuildOptions(),
      entryPoints: [entry],
      outfile,
      sourcemap: false,
      absWorkingDir: REPO_ROOT,
    });
    const bundle = await readFile(outfile, 'utf8');
    // The fallback (reading node_modules) is in the bundle but never taken: the text is there.
    expect(bundle.length).toBeGreaterThan(UPLOT_SCRIPT.length);
    const { stdout } = await run(process.execPath, [outfile], { cwd: outDir });
    expect(JSON.parse(stdout)).toEqual(published);
  });

  it('is read from node_modules under tsx, which refuses the text import (npm start)', async () => {
    // .mts: an ES module, as every file of the repository is (type: module); the chart library awaits at its top.
    const script = join(outDir, 'under-tsx.mts');
    await writeFile(
      script,
      `import { createHash } from 'node:crypto';\n` +
        `import { UPLOT_SCRIPT, UPLOT_STYLESHEET } from ${JSON.stringify(join(REPO_ROOT, 'functions', 'pages', 'chart-library.ts'))};\n${PRINT}\n`,
    );
    const { stdout } = await run(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [script], { cwd: REPO_ROOT });
    expect(JSON.parse(stdout)).toEqual(published);
  });
});
