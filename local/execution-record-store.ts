import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * RUNNING until it ends. ABORTED is reserved for an explicit stop of one execution (nothing produces it yet);
 * `LocalWorkflowEngine.stop()` leaves executions RUNNING so they resume.
 */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** One entry of an execution's event log, summarised: no state input or output is kept. */
export interface ExecutionEvent {
  /** The library's event type: ExecutionStarted, StateEntered, StateExited, StateFailed, StateRetried, StateCaught, ... */
  type: string;
  timestamp: string;
  state?: string;
  error?: string;
  cause?: string;
}

/** One workflow execution as the local engine keeps it, named like its Step Functions counterpart (the case id). */
export interface ExecutionRecord {
  name: string;
  input: Record<string, unknown>;
  status: ExecutionStatus;
  startedAt: string;
  stoppedAt?: string;
  output?: unknown;
  error?: string;
  cause?: string;
  /** States entered, retries included: what AWS bills for a Standard workflow. */
  transitionCount: number;
  /** Entries of the library's event log (its own kinds, fewer than AWS's history events). */
  historyEventCount: number;
  /** The most recent summarised events, bounded by the engine. */
  events?: ExecutionEvent[];
}

export interface ExecutionRecordStore {
  save(record: ExecutionRecord): Promise<void>;
  get(name: string): Promise<ExecutionRecord | undefined>;
  list(): Promise<ExecutionRecord[]>;
}

const STATUSES: readonly string[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED'];

const isExecutionRecord = (value: unknown): value is ExecutionRecord => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    typeof record.input === 'object' &&
    record.input !== null &&
    typeof record.status === 'string' &&
    STATUSES.includes(record.status) &&
    typeof record.startedAt === 'string'
  );
};

/** Oldest first, then by name: a stable order for listings and for resuming. */
const byStart = (a: ExecutionRecord, b: ExecutionRecord): number =>
  a.startedAt.localeCompare(b.startedAt) || a.name.localeCompare(b.name);

/** Records live as long as the process: tests and a stack that need not survive a restart. */
export class InMemoryExecutionRecordStore implements ExecutionRecordStore {
  private readonly records = new Map<string, ExecutionRecord>();

  async save(record: ExecutionRecord): Promise<void> {
    this.records.set(record.name, structuredClone(record));
  }

  async get(name: string): Promise<ExecutionRecord | undefined> {
    const record = this.records.get(name);
    return record && structuredClone(record);
  }

  async list(): Promise<ExecutionRecord[]> {
    return [...this.records.values()].map((record) => structuredClone(record)).sort(byStart);
  }
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/**
 * One JSON file per execution under `directory` (created on first save), written to a temporary file and renamed so a
 * crash never leaves half a record. The local stack keeps it under its data folder, so RUNNING executions resume after a
 * restart. A file that is not a record is skipped by `list`.
 */
export class FileExecutionRecordStore implements ExecutionRecordStore {
  constructor(private readonly directory: string) {}

  async save(record: ExecutionRecord): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = this.fileOf(record.name);
    const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
    await rename(temporary, file);
  }

  async get(name: string): Promise<ExecutionRecord | undefined> {
    return this.read(this.fileOf(name));
  }

  async list(): Promise<ExecutionRecord[]> {
    let files: string[];
    try {
      files = await readdir(this.directory);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const recordFiles = files.filter((file) => file.endsWith('.json'));
    const records = await Promise.all(recordFiles.map((file) => this.read(join(this.directory, file))));
    return records.filter((record): record is ExecutionRecord => record !== undefined).sort(byStart);
  }

  /** Execution names are case ids; encoding keeps any character out of the path syntax. */
  private fileOf(name: string): string {
    return join(this.directory, `${encodeURIComponent(name)}.json`);
  }

  private async read(file: string): Promise<ExecutionRecord | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const value: unknown = JSON.parse(text);
      return isExecutionRecord(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}
