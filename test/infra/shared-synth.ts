import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { inject } from 'vitest';
import { SHARED_SYNTH_FILES } from '../support/shared-synth-files.js';
import { buildApp, SHARED_SYNTH, type Synthesized } from './synth.js';

/** How often a file looks for the shared synth's outcome while it runs. */
const LOOK_EVERY_MS = 200;

let shared: Promise<Synthesized & { synthMilliseconds: number }> | undefined;

const outcome = async (dir: string): Promise<{ milliseconds: number }> => {
  for (;;) {
    if (existsSync(join(dir, SHARED_SYNTH_FILES.failed))) {
      const { message } = JSON.parse(readFileSync(join(dir, SHARED_SYNTH_FILES.failed), 'utf8')) as { message: string };
      throw new Error(`The shared CDK synth failed: ${message}`);
    }
    if (existsSync(join(dir, SHARED_SYNTH_FILES.done))) {
      return JSON.parse(readFileSync(join(dir, SHARED_SYNTH_FILES.done), 'utf8')) as { milliseconds: number };
    }
    await sleep(LOOK_EVERY_MS);
  }
};

/**
 * The app synthesized once per test run (`SHARED_SYNTH`, test/support/cdk-synth-setup.ts): its cloud assembly read from
 * disk, and the same app's constructs built again in this file's process, not synthesized, to name logical ids and
 * construct paths. Await it at the top of a test file (module scope): the wait ends with the synth's outcome file,
 * however long the synth takes on a loaded machine, and no hook's timeout runs meanwhile.
 */
export const sharedSynth = (): Promise<Synthesized & { synthMilliseconds: number }> => {
  shared ??= (async () => {
    const dir = inject('sharedCdkSynth');
    const { milliseconds } = await outcome(dir);
    const outdir = join(dir, SHARED_SYNTH_FILES.assembly);
    const { app, stack } = buildApp({ ...SHARED_SYNTH, outdir });
    return {
      app,
      stack,
      assembly: new CloudAssembly(outdir),
      outdir,
      // The run's global teardown removes the directory.
      cleanup: () => undefined,
      synthMilliseconds: milliseconds,
    };
  })();
  return shared;
};
