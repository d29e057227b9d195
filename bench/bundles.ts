import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { TABLES } from '../functions/wiring/tables.js';
import { median, round } from './stats.js';

const run = promisify(execFile);

/** The bundling options of infra/constructs/service-function.ts (NodejsFunction `bundling`), as esbuild options. */
const CDK_LIKE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);" },
  minify: true,
  keepNames: true,
  sourcemap: true,
  sourcesContent: false,
  external: [],
  logLevel: 'warning',
} as const;

export interface BundleFigure {
  name: string;
  kind: 'http' | 'task' | 'floor';
  kb: number;
  importMs: number;
  importSamplesMs: number[];
  /** importMs over the empty handler's. */
  importRatio?: number;
}

/** What Lambda sets before the first import; handlers read their configuration from it. */
const LAMBDA_LIKE_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_SERVICE_NAME: 'after-sales',
  POWERTOOLS_METRICS_NAMESPACE: 'AfterSales',
  // Every declared table, so a handler that reads its table at import finds it (as the deployed function would).
  ...Object.fromEntries(TABLES.map((table) => [table.envVar, `bench-${table.name}`])),
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench',
  MAIL_FROM: 'bench@example.com',
  SES_CONFIGURATION_SET: 'bench',
  ATTACHMENTS_BUCKET: 'bench-bucket',
};

/** Imports `file` in a fresh Node process and reports how long the dynamic import took (ms). */
const importOnce = async (nodeBinary: string, file: string): Promise<number> => {
  const script =
    `const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(file).href)});` +
    `if (typeof m.handler !== 'function') throw new Error('no handler export');` +
    `process.stdout.write(String(performance.now() - t0));`;
  const { stdout } = await run(nodeBinary, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_LIKE_ENV },
    timeout: 30_000,
  });
  const value = Number(stdout.trim());
  if (!Number.isFinite(value)) throw new Error(`Unexpected import timing output for ${file}: ${stdout}`);
  return value;
};

/**
 * Bundles every handler (functions/handlers/http and functions/handlers/tasks) as CDK would, plus an empty handler as
 * the floor, and times a fresh-process import of each: median of `samples`.
 */
export const measureBundles = async ({
  repoRoot,
  nodeBinary,
  samples = 5,
}: {
  repoRoot: string;
  nodeBinary: string;
  samples?: number;
}): Promise<{ nodeVersion: string; buildMs: number; importPhaseMs: number; bundles: BundleFigure[] }> => {
  const startedAt = performance.now();
  const outDir = await mkdtemp(join(tmpdir(), 'after-sales-bench-bundles-'));
  try {
    const entries: Array<{ name: string; kind: BundleFigure['kind']; entry: string }> = [];
    for (const kind of ['http', 'task'] as const) {
      const folder = join(repoRoot, 'functions', 'handlers', kind === 'http' ? 'http' : 'tasks');
      for (const file of (await readdir(folder)).filter((name) => name.endsWith('.ts')).sort()) {
        entries.push({ name: `${kind}/${basename(file, '.ts')}`, kind, entry: join(folder, file) });
      }
    }
    const emptyEntry = join(outDir, 'empty-handler.ts');
    await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
    entries.unshift({ name: 'floor/empty-handler', kind: 'floor', entry: emptyEntry });

    // One esbuild call for all entries: each is still its own self-contained bundle (no code splitting), but the
    // shared modules are parsed once.
    const outName = (name: string) => name.replace('/', '__');
    await build({
      ...CDK_LIKE_OPTIONS,
      entryPoints: Object.fromEntries(entries.map((entry) => [join(outName(entry.name), 'index'), entry.entry])),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      absWorkingDir: repoRoot,
    } as never);
    const built = await Promise.all(
      entries.map(async (entry) => {
        const outfile = join(outDir, outName(entry.name), 'index.mjs');
        return { ...entry, outfile, bytes: (await stat(outfile)).size };
      }),
    );
    const buildMs = performance.now() - startedAt;
    const { stdout: nodeVersion } = await run(nodeBinary, ['--version']);
    // Round-robin over the bundles, so drift in machine load spreads evenly over all of them.
    const timings = new Map<string, number[]>(built.map((bundle) => [bundle.name, []]));
    for (let sample = 0; sample < samples; sample += 1) {
      for (const bundle of built) timings.get(bundle.name)?.push(await importOnce(nodeBinary, bundle.outfile));
    }
    const importPhaseMs = performance.now() - startedAt - buildMs;
    const floorMs = median(timings.get('floor/empty-handler') ?? []);
    return {
      nodeVersion: nodeVersion.trim(),
      buildMs: round(buildMs),
      importPhaseMs: round(importPhaseMs),
      bundles: built.map((bundle) => {
        const importSamplesMs = (timings.get(bundle.name) ?? []).map((value) => round(value));
        const importMs = round(median(importSamplesMs));
        return {
          name: bundle.name,
          kind: bundle.kind,
          kb: round(bundle.bytes / 1024, 1),
          importMs,
          importSamplesMs,
          importRatio: round(importMs / floorMs),
        };
      }),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};
