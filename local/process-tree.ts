import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Linux only (`/proc`); elsewhere a process is treated as having no children and an unknown command line. */
const readProc = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

const childrenOf = (pid: number): number[] => {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return threads.flatMap((tid) =>
    (readProc(`/proc/${pid}/task/${tid}/children`) ?? '').split(/\s+/).filter(Boolean).map(Number),
  );
};

const descendantsOf = (pid: number): number[] => childrenOf(pid).flatMap((child) => [...descendantsOf(child), child]);

/** The command line of a running process, arguments joined by spaces; undefined when it cannot be read. */
export const commandLineOf = (pid: number): string | undefined =>
  readProc(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ');

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Signals a process and its descendants (deepest first) by pid; one that is already gone is skipped. Synchronous. */
export const killTree = (pid: number | undefined, signal: NodeJS.Signals): void => {
  if (pid === undefined) return;
  for (const target of [...descendantsOf(pid), pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // already exited
    }
  }
};

const waitUntilGone = async (pid: number, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
};

export class DataFolderInUseError extends Error {
  constructor(folder: string, ownerPid: number) {
    super(`${folder} is in use by another local stack (process ${ownerPid}). Stop it first, or use another DATA_DIR.`);
    this.name = 'DataFolderInUseError';
  }
}

export interface DataFolderClaim {
  /** Records the server process started for the folder, so the next start can stop it if this process dies first. */
  record(serverPid: number): Promise<void>;
  release(): Promise<void>;
}

interface PidFile {
  ownerPid: number;
  serverPid?: number;
}

const readPidFile = async (file: string): Promise<PidFile | undefined> => {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    const record = value as Partial<PidFile> | null;
    return typeof record?.ownerPid === 'number' ? (record as PidFile) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * One local stack per data folder. A pid file in the folder names the owning process and its server process:
 * a live owner makes this fail with {@link DataFolderInUseError}; a dead owner's server (an orphan of a killed run,
 * recognised by its command line naming `serverMarker` and the folder) is killed before the folder is taken.
 */
export const claimDataFolder = async (folder: string, serverMarker: string): Promise<DataFolderClaim> => {
  const file = join(folder, 'local-stack.pid');
  const previous = await readPidFile(file);
  if (previous && previous.ownerPid !== process.pid && isAlive(previous.ownerPid)) {
    // A recycled pid of an unrelated program is not an owner.
    const command = commandLineOf(previous.ownerPid);
    if (command === undefined || command.includes('node')) throw new DataFolderInUseError(folder, previous.ownerPid);
  }
  if (previous?.serverPid !== undefined && isAlive(previous.serverPid)) {
    const command = commandLineOf(previous.serverPid);
    if (command?.includes(serverMarker) && command.includes(folder)) {
      killTree(previous.serverPid, 'SIGKILL');
      await waitUntilGone(previous.serverPid, 5_000);
    }
  }
  const write = (content: PidFile): Promise<void> => writeFile(file, `${JSON.stringify(content)}\n`, 'utf8');
  await write({ ownerPid: process.pid });
  return {
    record: (serverPid) => write({ ownerPid: process.pid, serverPid }),
    release: () => rm(file, { force: true }),
  };
};
