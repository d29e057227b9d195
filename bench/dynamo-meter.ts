import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { round } from './stats.js';

/** Commands that accept `ReturnConsumedCapacity`. */
const CAPACITY_COMMANDS = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

export interface MeterSnapshot {
  /** HTTP requests sent to DynamoDB (a retried attempt counts again). */
  roundTrips: number;
  /** Per low-level operation, e.g. `UpdateItem`, `TransactWriteItems`. */
  byOperation: Record<string, number>;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  /** Responses that carried ConsumedCapacity. */
  capacityReported: number;
  /** Capacity units by table and by `table/index` (global secondary indexes), reads and writes together. */
  unitsByTarget: Record<string, number>;
}

interface CapacityLike {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

interface ConsumedCapacityLike extends CapacityLike {
  TableName?: string;
  Table?: CapacityLike;
  GlobalSecondaryIndexes?: Record<string, CapacityLike>;
  LocalSecondaryIndexes?: Record<string, CapacityLike>;
}

/** One command as the journal keeps it: when it was sent, its HTTP attempts and the capacity it reported. */
interface JournalEntry {
  /** Epoch ms when the command was sent (the clock the workflow engine stamps its events with). */
  at: number;
  operation: string;
  roundTrips: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  unitsByTarget: Record<string, number>;
}

const emptySnapshot = (): MeterSnapshot => ({
  roundTrips: 0,
  byOperation: {},
  readCapacityUnits: 0,
  writeCapacityUnits: 0,
  capacityReported: 0,
  unitsByTarget: {},
});

const addTarget = (into: Record<string, number>, target: string, units: number | undefined): void => {
  if (units) into[target] = (into[target] ?? 0) + units;
};

const isWrite = (operation: string): boolean => /Put|Update|Delete|Write/.test(operation);

/** The table name without the stack's prefix (`local-cases` -> `cases`). */
const shortName = (tableName: string | undefined): string => (tableName ?? 'unknown').replace(/^local-/, '');

/** Adds one ConsumedCapacity entry to a running sum, by table and index. */
const addCapacity = (
  into: Pick<MeterSnapshot, 'readCapacityUnits' | 'writeCapacityUnits' | 'unitsByTarget'>,
  operation: string,
  capacity: ConsumedCapacityLike,
): void => {
  const reads = capacity.ReadCapacityUnits ?? 0;
  const writes = capacity.WriteCapacityUnits ?? 0;
  if (reads === 0 && writes === 0) {
    if (isWrite(operation)) into.writeCapacityUnits += capacity.CapacityUnits ?? 0;
    else into.readCapacityUnits += capacity.CapacityUnits ?? 0;
  } else {
    into.readCapacityUnits += reads;
    into.writeCapacityUnits += writes;
  }
  addTarget(into.unitsByTarget, shortName(capacity.TableName), capacity.Table?.CapacityUnits);
  for (const [index, units] of Object.entries(capacity.GlobalSecondaryIndexes ?? {})) {
    addTarget(into.unitsByTarget, `${shortName(capacity.TableName)}/${index}`, units.CapacityUnits);
  }
};

/**
 * Counts the DynamoDB round trips and consumed capacity of one client by adding middleware to its stack (a document
 * client shares the stack of the client it wraps, so every command sent through either is seen). Each command asks
 * for `ReturnConsumedCapacity: 'INDEXES'` (the total, split by table and index); DynamoDB Local answers with the units
 * it would bill. While `journaling`, every command is also kept with the time it was sent, so that work done in the
 * background (a workflow step between two of its events) can be counted by time window afterwards (`between`).
 */
export class DynamoMeter {
  journaling = false;
  private totals = emptySnapshot();
  private journal: JournalEntry[] = [];
  /** HTTP attempts of the command in flight, by its middleware context (one context per command). */
  private readonly attempts = new WeakMap<object, number>();
  private inFlight = 0;
  private lastSettledAt = 0;

  attach(client: Pick<DynamoDBDocumentClient, 'middlewareStack'>, name = 'bench'): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        if (CAPACITY_COMMANDS.has(String(context.commandName)) && input.ReturnConsumedCapacity === undefined) {
          input.ReturnConsumedCapacity = 'INDEXES';
        }
        const entry: JournalEntry | undefined = this.journaling
          ? { at: Date.now(), operation, roundTrips: 0, readCapacityUnits: 0, writeCapacityUnits: 0, unitsByTarget: {} }
          : undefined;
        this.inFlight += 1;
        try {
          const result = await next(args);
          const output = result.output as { ConsumedCapacity?: ConsumedCapacityLike | ConsumedCapacityLike[] };
          const consumed = output.ConsumedCapacity;
          const entries = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
          for (const capacity of entries) {
            this.totals.capacityReported += 1;
            addCapacity(this.totals, operation, capacity);
            if (entry) addCapacity(entry, operation, capacity);
          }
          return result;
        } finally {
          this.inFlight -= 1;
          this.lastSettledAt = Date.now();
          if (entry) {
            entry.roundTrips = this.attempts.get(context) ?? 0;
            this.journal.push(entry);
          }
        }
      },
      { step: 'initialize', priority: 'high', name: `${name}ConsumedCapacity`, override: true },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.totals.roundTrips += 1;
        this.totals.byOperation[operation] = (this.totals.byOperation[operation] ?? 0) + 1;
        this.attempts.set(context, (this.attempts.get(context) ?? 0) + 1);
        return next(args);
      },
      // After the retry middleware: one count per HTTP attempt.
      { step: 'finalizeRequest', priority: 'low', name: `${name}RoundTrips`, override: true },
    );
  }

  /**
   * The commands journaled with `from <= sent < to` (epoch ms), summed; `roundTrips` and `byOperation` count HTTP
   * attempts as the totals do. Only commands sent while `journaling` are seen.
   */
  between(from: number, to: number): MeterSnapshot {
    const sum = emptySnapshot();
    for (const entry of this.journal) {
      if (entry.at < from || entry.at >= to) continue;
      sum.roundTrips += entry.roundTrips;
      sum.byOperation[entry.operation] = (sum.byOperation[entry.operation] ?? 0) + entry.roundTrips;
      sum.readCapacityUnits += entry.readCapacityUnits;
      sum.writeCapacityUnits += entry.writeCapacityUnits;
      for (const [target, units] of Object.entries(entry.unitsByTarget)) addTarget(sum.unitsByTarget, target, units);
    }
    sum.unitsByTarget = Object.fromEntries(
      Object.entries(sum.unitsByTarget).map(([target, units]) => [target, round(units)]),
    );
    return sum;
  }

  /**
   * Resolves once no command has been in flight for `quietMs`: the background work of the last workflow step (a wait's
   * token and its check) is over. Throws when the client is still busy after `timeoutMs`.
   */
  async quiet(quietMs = 100, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0 || Date.now() - this.lastSettledAt < quietMs) {
      if (Date.now() > deadline) throw new Error(`DynamoDB client still busy after ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 10));
    }
  }

  snapshot(): MeterSnapshot {
    return structuredClone(this.totals);
  }

  /** What happened between `before` and now. */
  since(before: MeterSnapshot): MeterSnapshot {
    const now = this.totals;
    const byOperation: Record<string, number> = {};
    for (const [operation, count] of Object.entries(now.byOperation)) {
      const delta = count - (before.byOperation[operation] ?? 0);
      if (delta > 0) byOperation[operation] = delta;
    }
    const unitsByTarget: Record<string, number> = {};
    for (const [target, units] of Object.entries(now.unitsByTarget)) {
      const delta = units - (before.unitsByTarget[target] ?? 0);
      if (delta > 0) unitsByTarget[target] = round(delta);
    }
    return {
      roundTrips: now.roundTrips - before.roundTrips,
      unitsByTarget,
      byOperation,
      readCapacityUnits: now.readCapacityUnits - before.readCapacityUnits,
      writeCapacityUnits: now.writeCapacityUnits - before.writeCapacityUnits,
      capacityReported: now.capacityReported - before.capacityReported,
    };
  }
}
