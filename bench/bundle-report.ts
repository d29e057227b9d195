/**
 * The bundle phase of the benchmark alone: `npx tsx bench/bundle-report.ts [--samples N] [--top N] [--json FILE]`.
 * Bundles every function as CDK builds it, imports each in a fresh Node process `samples` times (median), and prints
 * per function its size, import time, ratio to the floor (a handler importing only the DynamoDB document client) and
 * its heaviest sources by esbuild's metafile. Takes about a minute on 2 cores with 5 samples.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundles } from './bundles.js';
import { bundleSummary, bundleTargets } from './bundle-targets.js';
import { median, round } from './stats.js';
import { renderBundleTable } from './table.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number`);
  return value;
};

const main = async () => {
  const samples = option('--samples', 5);
  const top = option('--top', 6);
  const jsonIndex = process.argv.indexOf('--json');
  const measured = await measureBundles({
    repoRoot: REPO_ROOT,
    nodeBinary: join(REPO_ROOT, 'node_modules', '.bin', 'node'),
    samples,
  });
  process.stdout.write(renderBundleTable({ ...measured, samples }, top));
  const summary = bundleSummary(measured.bundles);
  process.stdout.write(
    `\nfunctions ${summary.count}: max ${summary.maxKb} KB, median ${summary.medianKb} KB; ` +
      `import max ${summary.maxImportRatio}x the floor, median ${round(median(summary.importRatios))}x\n`,
  );
  for (const [name, target] of Object.entries(bundleTargets(measured.bundles))) {
    process.stdout.write(
      `${name} ${target.target}: ${target.measured}, ${target.met ? 'met' : `NOT met: ${target.why ?? ''}`}\n`,
    );
  }
  if (jsonIndex >= 0) {
    const file = process.argv[jsonIndex + 1];
    if (!file) throw new Error('--json takes a file name');
    await writeFile(file, `${JSON.stringify(measured, null, 2)}\n`);
  }
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
