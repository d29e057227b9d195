import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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

const emptySnapshot = (): MeterSnapshot => ({
  roundTrips: 0,
  byOperation: {},
  readCapacityUnits: 0,
  writeCapacityUnits: 0,
  capacityReported: 0,
  unitsByTarget: {},
});

const isWrite = (operation: string): boolean => /Put|Update|Delete|Write/.test(operation);

/** The table name without the stack's prefix (`local-cases` -> `cases`). */
const shortName = (tableName: string | undefined): string => (tableName ?? 'unknown').replace(/^local-/, '');

/**
 * Counts the DynamoDB round trips and consumed capacity of one client by adding middleware to its stack (a document
 * client shares the stack of the client it wraps, so every command sent through either is seen). Each command asks
 * for `ReturnConsumedCapacity: 'INDEXES'` (the total, split by table and index); DynamoDB Local answers with the units
 * it would bill.
 */
export class DynamoMeter {
  private totals = emptySnapshot();

  attach(client: Pick<DynamoDBDocumentClient, 'middlewareStack'>, name = 'bench'): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        if (CAPACITY_COMMANDS.has(String(context.commandName)) && input.ReturnConsumedCapacity === undefined) {
          input.ReturnConsumedCapacity = 'INDEXES';
        }
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: ConsumedCapacityLike | ConsumedCapacityLike[] };
        const consumed = output.ConsumedCapacity;
        const entries = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
        for (const entry of entries) {
          this.totals.capacityReported += 1;
          const reads = entry.ReadCapacityUnits ?? 0;
          const writes = entry.WriteCapacityUnits ?? 0;
          if (reads === 0 && writes === 0) {
            if (isWrite(operation)) this.totals.writeCapacityUnits += entry.CapacityUnits ?? 0;
            else this.totals.readCapacityUnits += entry.CapacityUnits ?? 0;
          } else {
            this.totals.readCapacityUnits += reads;
            this.totals.writeCapacityUnits += writes;
          }
          this.addTarget(shortName(entry.TableName), entry.Table?.CapacityUnits);
          for (const [index, units] of Object.entries(entry.GlobalSecondaryIndexes ?? {})) {
            this.addTarget(`${shortName(entry.TableName)}/${index}`, units.CapacityUnits);
          }
        }
        return result;
      },
      { step: 'initialize', priority: 'high', name: `${name}ConsumedCapacity`, override: true },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.totals.roundTrips += 1;
        this.totals.byOperation[operation] = (this.totals.byOperation[operation] ?? 0) + 1;
        return next(args);
      },
      // After the retry middleware: one count per HTTP attempt.
      { step: 'finalizeRequest', priority: 'low', name: `${name}RoundTrips`, override: true },
    );
  }

  private addTarget(target: string, units: number | undefined): void {
    if (!units) return;
    this.totals.unitsByTarget[target] = (this.totals.unitsByTarget[target] ?? 0) + units;
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
      if (delta > 0) unitsByTarget[target] = Math.round(delta * 100) / 100;
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
