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
}

interface ConsumedCapacityLike {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const emptySnapshot = (): MeterSnapshot => ({
  roundTrips: 0,
  byOperation: {},
  readCapacityUnits: 0,
  writeCapacityUnits: 0,
  capacityReported: 0,
});

const isWrite = (operation: string): boolean => /Put|Update|Delete|Write/.test(operation);

/**
 * Counts the DynamoDB round trips and consumed capacity of one client by adding middleware to its stack (a document
 * client shares the stack of the client it wraps, so every command sent through either is seen). Each command asks
 * for `ReturnConsumedCapacity: 'TOTAL'`; DynamoDB Local answers with the units it would bill.
 */
export class DynamoMeter {
  private totals = emptySnapshot();

  attach(client: Pick<DynamoDBDocumentClient, 'middlewareStack'>, name = 'bench'): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        if (CAPACITY_COMMANDS.has(String(context.commandName)) && input.ReturnConsumedCapacity === undefined) {
          input.ReturnConsumedCapacity = 'TOTAL';
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
    return {
      roundTrips: now.roundTrips - before.roundTrips,
      byOperation,
      readCapacityUnits: now.readCapacityUnits - before.readCapacityUnits,
      writeCapacityUnits: now.writeCapacityUnits - before.writeCapacityUnits,
      capacityReported: now.capacityReported - before.capacityReported,
    };
  }
}
