import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../../infra/config.js';
import { filesOfThisRun } from './run-files.js';
import { SHARED_SYNTH_FILES } from './shared-synth-files.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared app's synthesis writes its cloud assembly and its outcome (`synth-shared-app.ts`). */
    sharedCdkSynth: string;
  }
}

/** Whether the run takes an infra file: all of them, or a few named on the command line. */
const runsAnInfraFile = async (project: TestProject): Promise<boolean> =>
  (await filesOfThisRun(project))?.some((file) => /[\\/]test[\\/]infra[\\/]/.test(file.moduleId)) ?? true;

/**
 * The CDK app is synthesized once per test run, for every infra test file (`sharedSynth` in
 * test/infra/shared-synth.ts). It runs in a process of its own, started here and not awaited: the other test files
 * run meanwhile, and an infra file waits for the outcome file, which this process writes in any case (a crash too).
 * A run of a few files with no infra file among them (the edit-test loop) starts no synth: it would take a core.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'after-sales-shared-cdk-'));
  project.provide('sharedCdkSynth', dir);
  if (!(await runsAnInfraFile(project))) return () => rmSync(dir, { recursive: true, force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'support', 'synth-shared-app.ts'), dir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let tornDown = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString()}`.slice(-4_000);
  });
  child.on('exit', (code, signal) => {
    // Killed by the teardown below (the run ended first): the directory is gone and nobody waits for an outcome.
    if (tornDown) return;
    if (existsSync(join(dir, SHARED_SYNTH_FILES.done)) || existsSync(join(dir, SHARED_SYNTH_FILES.failed))) return;
    const message = `The shared CDK synth exited (${signal ?? code}) without an outcome: ${stderr}`;
    writeFileSync(join(dir, SHARED_SYNTH_FILES.failed), JSON.stringify({ message }));
  });
  return () => {
    tornDown = true;
    if (child.exitCode === null && child.signalCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
}
