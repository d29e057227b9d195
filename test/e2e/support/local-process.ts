import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../../../local/free-port.js';
import { DEMO_API_KEYS } from '../../../local/seed.js';
import { settles, waitFor } from '../../support/wait-ceiling.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'node_modules', '.bin');

export interface LocalProcessOptions {
  /** `npm start` as a user types it, or what it runs (`node --import tsx local/start.ts`) directly, to see its own exit code. */
  command: 'npm start' | 'node';
  port: number;
  dataDir: string;
  /** Replaces PATH (after node_modules/.bin, which puts Node 22 first as `npm run` does). */
  path?: string;
  env?: Record<string, string>;
}

export interface LocalProcess {
  child: ChildProcess;
  output(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the printed URLs once the banner is out; rejects if the process exits first. */
  ready(): Promise<{ url: string; dynamoDbEndpoint: string; dynamoDbPid: number }>;
  /** Ctrl-C in a terminal: SIGINT to the whole foreground process group. */
  interrupt(): void;
  /** SIGKILL to the process group: teardown after a failed test. */
  kill(): void;
}

/** Starts the local stack in a child process, in its own process group like a terminal's foreground job. */
export const startLocalProcess = (options: LocalProcessOptions): LocalProcess => {
  const [file, args] =
    options.command === 'npm start' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'local/start.ts']];
  const child = spawn(file, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${BIN}:${options.path ?? process.env.PATH ?? ''}`,
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      ...options.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
  };

  const ready = async () => {
    let exited = false;
    void exit.then(() => (exited = true));
    try {
      await waitFor(
        () => {
          if (exited) throw new Error(`The local stack exited before it was ready:\n${output}`);
          return output.includes('Press Ctrl-C to stop.');
        },
        { what: 'the banner of the local stack', intervalMs: 100 },
      );
    } catch (error) {
      if (exited) throw error;
      throw new Error(`The local stack was not ready: ${(error as Error).message}\n${output}`);
    }
    const url = /API\s+(http:\/\/\S+)\/v1\s/.exec(output)?.[1];
    const [, endpoint, pid] = /DynamoDB Local\s+(http:\/\/\S+)\s+\(pid (\d+)\)/.exec(output) ?? [];
    if (!url || !endpoint || !pid) throw new Error(`Unexpected banner:\n${output}`);
    return { url, dynamoDbEndpoint: endpoint, dynamoDbPid: Number(pid) };
  };

  return {
    child,
    output: () => output,
    exit,
    ready,
    interrupt: () => signalGroup('SIGINT'),
    kill: () => signalGroup('SIGKILL'),
  };
};

export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export interface NpmStartedStack {
  url: string;
  /** The seeded demo stores' storefront keys. */
  apiKeys: typeof DEMO_API_KEYS;
  /** Where the stack keeps its data (DATA_DIR): the executions' records are under `executions/`. */
  dataDir: string;
  /** Ctrl-C (SIGKILL if it has not exited at the wait ceiling), then DynamoDB Local's Java killed if it outlived it, and the data folder removed. */
  stop(): Promise<void>;
}

/**
 * `npm start` on a free port and a new data folder, once its banner is out: what the acceptance tests drive. When it
 * does not get ready, it is stopped before the error is thrown.
 */
export const startNpmStack = async (dataDirPrefix: string): Promise<NpmStartedStack> => {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
  const child = startLocalProcess({ command: 'npm start', port, dataDir });
  let javaPid: number | undefined;
  const stop = async (): Promise<void> => {
    child.interrupt();
    await settles(child.exit, 'Exit after Ctrl-C').catch(() => child.kill());
    if (javaPid !== undefined && isRunning(javaPid)) process.kill(javaPid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = await child.ready();
    javaPid = ready.dynamoDbPid;
    return { url: ready.url, apiKeys: DEMO_API_KEYS, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
