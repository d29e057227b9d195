import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp, SHARED_SYNTH } from '../infra/synth.js';
import { SHARED_SYNTH_FILES } from './shared-synth-files.js';

/**
 * Run by `cdk-synth-setup.ts` in its own process: synthesizes the shared app (cdk-nag included) into
 * `<dir>/assembly`, then writes `<dir>/synth-done.json` (how long it took) or `<dir>/synth-failed.json` (why), each
 * written whole before it appears, so a test waiting for it never reads half a file.
 */
const publish = (dir: string, name: string, content: unknown): void => {
  writeFileSync(join(dir, `${name}.partial`), JSON.stringify(content));
  renameSync(join(dir, `${name}.partial`), join(dir, name));
};

const main = (dir: string): void => {
  const started = performance.now();
  try {
    const { app } = buildApp({ ...SHARED_SYNTH, outdir: join(dir, SHARED_SYNTH_FILES.assembly) });
    app.synth();
    publish(dir, SHARED_SYNTH_FILES.done, { milliseconds: Math.round(performance.now() - started) });
  } catch (error) {
    publish(dir, SHARED_SYNTH_FILES.failed, {
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
};

const dir = process.argv[2];
if (dir) main(dir);
