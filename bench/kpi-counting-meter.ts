import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countsForKpis } from '../functions/domain/kpi/kpi-relevance.js';
import type { CaseChange } from '../functions/ports/case-store.js';
import { KpiCountingCaseStore } from '../functions/use-cases/kpi/kpi-counting-case-store.js';
import { round } from './stats.js';

/** What the KPI counters added to the case writes that count, in sum. */
export interface KpiCountingUse {
  /** Case writes that went through the counting path: intakes, and changes `countsForKpis` says may move a counter. */
  countingWrites: number;
  /** Changes that cannot move a counter: passed straight through, no extra work. */
  plainUpdates: number;
  /** The counting path's own reads (the case with its timeline, consistent; a store-cache refresh): round trips, units. */
  extraReadRoundTrips: number;
  extraReadUnits: number;
  /** KPI table items (bucket `ADD`s, report rows) in the counting writes' transactions. */
  kpiItemsWritten: number;
  /**
   * Their write units, modelled: 2 per item (a transactional write of an item under 1 KB). DynamoDB Local reports 2 per
   * table per transaction whatever the number of items (checked), which `kpiWriteUnitsReported` keeps.
   */
  kpiWriteUnits: number;
  kpiWriteUnitsReported: number;
  /** The same, by kind of change: its events' types (`case_submitted` for an intake). */
  byChange: Record<string, KpiChangeUse>;
}

export interface KpiChangeUse {
  writes: number;
  extraReadUnits: number;
  kpiItemsWritten: number;
  /** Modelled: 2 per item (see `KpiCountingUse`). */
  kpiWriteUnits: number;
}

/** A transactional write of an item under 1 KB (the KPI items are small): 2 write units. */
export const TRANSACT_WRITE_UNITS_PER_ITEM = 2;

interface Frame {
  label: string;
}

interface CapacityLike {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const emptyUse = (): KpiCountingUse => ({
  countingWrites: 0,
  plainUpdates: 0,
  extraReadRoundTrips: 0,
  extraReadUnits: 0,
  kpiItemsWritten: 0,
  kpiWriteUnits: 0,
  kpiWriteUnitsReported: 0,
  byChange: {},
});

const changeLabel = (change: CaseChange): string =>
  [...new Set(change.events.map((event) => event.type))].join('+') || `set ${Object.keys(change.set ?? {}).join(',')}`;

/**
 * Attributes DynamoDB work to the KPI counters: the bench wraps `KpiCountingCaseStore`'s `create` and `update` (every
 * case store the stack hands a function is one) so that each counting write runs in an async context, and a middleware
 * on the stack's document client then counts, inside that context, every read (the extra Query of the case and its
 * timeline) and the KPI table's items and write units in the transaction. Reads outside the counting path, and the
 * case's own items in the transaction, are not the counters' work and are not counted here. Attach after the
 * `DynamoMeter` (which asks every command for its consumed capacity).
 */
export class KpiCountingMeter {
  private readonly frames = new AsyncLocalStorage<Frame>();
  private totals = emptyUse();
  private restore: (() => void) | undefined;

  constructor(private readonly kpiTable: string) {}

  install(client: Pick<DynamoDBDocumentClient, 'middlewareStack'>): void {
    const prototype = KpiCountingCaseStore.prototype;
    // The meter wraps the prototype's own methods and calls them on their instance (`apply(this, ...)`).
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { create, update } = prototype;
    const frames = this.frames;
    const totals = () => this.totals;
    const begin = (label: string) => {
      const use = totals();
      use.countingWrites += 1;
      use.byChange[label] ??= { writes: 0, extraReadUnits: 0, kpiItemsWritten: 0, kpiWriteUnits: 0 };
      use.byChange[label].writes += 1;
    };
    prototype.create = function (this: KpiCountingCaseStore, ...args: Parameters<typeof create>) {
      begin('case_submitted');
      return frames.run({ label: 'case_submitted' }, () => create.apply(this, args));
    };
    prototype.update = function (this: KpiCountingCaseStore, ...args: Parameters<typeof update>) {
      const [current, change] = args;
      if (!countsForKpis(current, change)) {
        totals().plainUpdates += 1;
        return update.apply(this, args);
      }
      const label = changeLabel(change);
      begin(label);
      return frames.run({ label }, () => update.apply(this, args));
    };
    this.restore = () => {
      prototype.create = create;
      prototype.update = update;
    };

    client.middlewareStack.add(
      (next, context) => async (args) => {
        const frame = frames.getStore();
        const result = await next(args);
        if (!frame) return result;
        const operation = String(context.commandName ?? '');
        const output = result.output as { ConsumedCapacity?: CapacityLike | CapacityLike[] };
        const consumed = output.ConsumedCapacity;
        const entries = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
        const byChange = this.totals.byChange[frame.label] as KpiChangeUse;
        if (/^(Query|GetItem|BatchGetItem|TransactGetItems)Command$/.test(operation)) {
          const units = entries.reduce((sum, entry) => sum + (entry.ReadCapacityUnits || entry.CapacityUnits || 0), 0);
          this.totals.extraReadRoundTrips += 1;
          this.totals.extraReadUnits += units;
          byChange.extraReadUnits += units;
        } else if (operation === 'TransactWriteItemsCommand') {
          const items = (
            (args.input as { TransactItems?: Array<Record<string, { TableName?: string }>> }).TransactItems ?? []
          ).filter((item) => Object.values(item).some((action) => action?.TableName === this.kpiTable)).length;
          const units = entries
            .filter((entry) => entry.TableName === this.kpiTable)
            .reduce((sum, entry) => sum + (entry.WriteCapacityUnits || entry.CapacityUnits || 0), 0);
          this.totals.kpiItemsWritten += items;
          this.totals.kpiWriteUnits += items * TRANSACT_WRITE_UNITS_PER_ITEM;
          this.totals.kpiWriteUnitsReported += units;
          byChange.kpiItemsWritten += items;
          byChange.kpiWriteUnits += items * TRANSACT_WRITE_UNITS_PER_ITEM;
        }
        return result;
      },
      // Inside the DynamoMeter's middleware (priority high), so the command already asks for its capacity.
      { step: 'initialize', priority: 'low', name: 'benchKpiCounting', override: true },
    );
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
  }

  snapshot(): KpiCountingUse {
    return structuredClone(this.totals);
  }

  /** What the counters added between `before` and now. */
  since(before: KpiCountingUse): KpiCountingUse {
    const now = this.totals;
    const byChange: Record<string, KpiChangeUse> = {};
    for (const [label, use] of Object.entries(now.byChange)) {
      const was = before.byChange[label];
      const writes = use.writes - (was?.writes ?? 0);
      if (writes === 0) continue;
      byChange[label] = {
        writes,
        extraReadUnits: round(use.extraReadUnits - (was?.extraReadUnits ?? 0)),
        kpiItemsWritten: use.kpiItemsWritten - (was?.kpiItemsWritten ?? 0),
        kpiWriteUnits: round(use.kpiWriteUnits - (was?.kpiWriteUnits ?? 0)),
      };
    }
    return {
      countingWrites: now.countingWrites - before.countingWrites,
      plainUpdates: now.plainUpdates - before.plainUpdates,
      extraReadRoundTrips: now.extraReadRoundTrips - before.extraReadRoundTrips,
      extraReadUnits: round(now.extraReadUnits - before.extraReadUnits),
      kpiItemsWritten: now.kpiItemsWritten - before.kpiItemsWritten,
      kpiWriteUnits: round(now.kpiWriteUnits - before.kpiWriteUnits),
      kpiWriteUnitsReported: round(now.kpiWriteUnitsReported - before.kpiWriteUnitsReported),
      byChange,
    };
  }
}
