import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import type { Capabilities } from '../functions/wiring/capabilities.js';
import { ROUTES } from '../functions/wiring/routes.js';
import { TABLES } from '../functions/wiring/tables.js';
import { SCHEDULES } from '../functions/wiring/schedules.js';
import { QUEUES } from '../functions/wiring/queues.js';
import { BUCKET_EVENTS } from '../functions/wiring/bucket-events.js';
import { WORKFLOW_TASKS } from '../functions/wiring/tasks.js';
import { functionBuildOptions } from '../infra/function-bundling.js';
import { median, round } from './stats.js';

const run = promisify(execFile);

export interface BundleFigure {
  name: string;
  /** `floor`: the DynamoDB document client alone; `reference`: an empty handler (what Node itself costs). */
  kind: 'http' | 'task' | 'schedule' | 'queue' | 'bucketEvent' | 'floor' | 'reference';
  kb: number;
  importMs: number;
  importSamplesMs: number[];
  /** importMs over the floor's (the handler that imports only the DynamoDB document client). */
  importRatio?: number;
  /** Where the bundle's bytes come from, heaviest first (esbuild's metafile, minified bytes per source). */
  weights: BundleWeight[];
}

/** The minified bytes one source contributes to a bundle: an npm package, or a folder of ours (`functions/http`). */
export interface BundleWeight {
  source: string;
  kb: number;
}

/** The npm package of a bundled file (`@smithy/core`, `zod`), else its folder in this repository (`functions/email`). */
export const sourceOf = (path: string): string => {
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage?.[1]) return inPackage[1];
  const parts = path.replace(/\\/g, '/').split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.slice(0, -1).join('/') || path;
};

/** A bundle's bytes by source, heaviest first, from its metafile output. */
export const weightsOf = (output: Metafile['outputs'][string]): BundleWeight[] => {
  const bytes = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const source = sourceOf(path);
    bytes.set(source, (bytes.get(source) ?? 0) + input.bytesInOutput);
  }
  return [...bytes.entries()]
    .filter(([, size]) => size > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([source, size]) => ({ source, kb: round(size / 1024, 1) }));
};

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

/** The deployed functions: one per route, per workflow task and per queue consumer, each with the capabilities it declares. */
const declaredFunctions = (
  repoRoot: string,
): Array<{
  name: string;
  kind: Exclude<BundleFigure['kind'], 'floor' | 'reference'>;
  entry: string;
  capabilities: Capabilities;
}> => [
  ...ROUTES.map((route) => ({
    name: `http/${route.handler}`,
    kind: 'http' as const,
    entry: join(repoRoot, 'functions', 'handlers', 'http', `${route.handler}.ts`),
    capabilities: route.capabilities,
  })),
  ...WORKFLOW_TASKS.map((task) => ({
    name: `task/${task.handler}`,
    kind: 'task' as const,
    entry: join(repoRoot, 'functions', 'handlers', 'tasks', `${task.handler}.ts`),
    capabilities: task.capabilities,
  })),
  ...SCHEDULES.map((schedule) => ({
    name: `schedule/${schedule.handler}`,
    kind: 'schedule' as const,
    entry: join(repoRoot, 'functions', 'handlers', 'schedules', `${schedule.handler}.ts`),
    capabilities: schedule.capabilities,
  })),
  ...QUEUES.map((queue) => ({
    name: `queue/${queue.handler}`,
    kind: 'queue' as const,
    entry: join(repoRoot, 'functions', 'handlers', 'queues', `${queue.handler}.ts`),
    capabilities: queue.capabilities,
  })),
  ...BUCKET_EVENTS.map((event) => ({
    name: `bucket-event/${event.handler}`,
    kind: 'bucketEvent' as const,
    entry: join(repoRoot, 'functions', 'handlers', 'bucket-events', `${event.handler}.ts`),
    capabilities: event.capabilities,
  })),
];

export const FLOOR_NAME = 'floor/document-client';
const REFERENCE_NAME = 'reference/empty-handler';

/**
 * Bundles every function of the stack (each route and workflow task) with the options CDK builds it with
 * (infra/function-bundling.ts, its own capability flags included), plus the floor (a handler importing only the
 * DynamoDB document client, `bench/floor-handler.ts`) and an empty handler for reference, and times a fresh-process
 * import of each: median of `samples`. Each bundle's metafile says where its weight is.
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
    const entries: Array<{ name: string; kind: BundleFigure['kind']; entry: string; capabilities: Capabilities }> = [
      { name: FLOOR_NAME, kind: 'floor', entry: join(repoRoot, 'bench', 'floor-handler.ts'), capabilities: {} },
      { name: REFERENCE_NAME, kind: 'reference', entry: join(repoRoot, 'bench', 'empty-handler.ts'), capabilities: {} },
      ...declaredFunctions(repoRoot).sort((a, b) => a.name.localeCompare(b.name)),
    ];

    // One esbuild call (every function has the same build options): each entry is still its own self-contained
    // bundle (no code splitting), but the shared modules are parsed once.
    const outName = (name: string) => name.replace('/', '__');
    const result = await build({
      ...functionBuildOptions(),
      entryPoints: Object.fromEntries(entries.map((entry) => [join(outName(entry.name), 'index'), entry.entry])),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      absWorkingDir: repoRoot,
      metafile: true,
    });
    const outputs = result.metafile.outputs;
    const built = await Promise.all(
      entries.map(async (entry) => {
        const outfile = join(outDir, outName(entry.name), 'index.mjs');
        // Metafile output paths are relative to the working directory.
        const output = Object.entries(outputs).find(([path]) => resolve(repoRoot, path) === outfile)?.[1];
        if (!output) throw new Error(`No metafile output for ${entry.name}`);
        return { ...entry, outfile, bytes: (await stat(outfile)).size, weights: weightsOf(output) };
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
    const floorMs = median(timings.get(FLOOR_NAME) ?? []);
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
          weights: bundle.weights,
        };
      }),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};
