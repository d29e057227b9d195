import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { KpiCountingCaseStore } from '../functions/use-cases/kpi/kpi-counting-case-store.js';
import { csatReport } from '../functions/use-cases/reports/csat-report.js';
import { kpiReport } from '../functions/use-cases/reports/kpi-report.js';
import type { LocalStack } from '../local/stack.js';
import type { BenchApi, Caller } from './api-client.js';
import type { DynamoMeter } from './dynamo-meter.js';
import { buildDataset, previousQuarter, type DatasetFigures } from './kpi-dataset.js';
import { median, percentile, round } from './stats.js';

/** One report on one store: client-side latency over HTTP, and what it read. */
export interface ReportTiming {
  storeId: string;
  cases: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  /** DynamoDB items the use case read (its `itemsRead`: buckets, and for the CSAT report its page of answers). */
  itemsRead: number;
  /** Per request, median: round trips and read units, from the meter. */
  dynamoRoundTrips: number;
  readCapacityUnits: number;
}

export interface ReportScaleFigures {
  quarter: string;
  from: string;
  to: string;
  datasets: Array<DatasetFigures & { counted: number }>;
  reports: Array<{
    report: string;
    small: ReportTiming;
    large: ReportTiming;
    /** large / small: ~1 when the report's cost does not grow with the case count. */
    p50Ratio: number;
    p95Ratio: number;
  }>;
}

export interface ReportScaleSettings {
  /** Cases of the small and the large store. */
  sizes: readonly [number, number];
  samples: number;
  concurrency: number;
}

const WARM_UP = 3;
/** The small dataset on store B (its supervisor: supervisor3), the large on store A (supervisor1). */
const SMALL = { storeId: 'store-b', supervisor: 'supervisor3' };
const LARGE = { storeId: 'store-a', supervisor: 'supervisor1' };

/**
 * Report latency at two case volumes (issue 12): store B gets `sizes[0]` cases and store A `sizes[1]`, all in the last
 * whole quarter (which no other phase of the bench touches), written through the KPI-counting case store on a client of
 * its own (unmetered); then each report is requested over HTTP by the store's supervisor, the two stores alternating,
 * and timed client side. Items read come from the use cases themselves, round trips and units from the meter.
 */
export const measureReportScale = async (
  {
    stack,
    meter,
    api,
    signIn,
  }: {
    stack: LocalStack;
    meter: DynamoMeter;
    api: BenchApi;
    signIn: (username: string) => Promise<Caller>;
  },
  settings: ReportScaleSettings,
  log: (message: string) => void,
): Promise<ReportScaleFigures> => {
  const quarter = previousQuarter(new Date());
  const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
  const datasets: ReportScaleFigures['datasets'] = [];
  try {
    const cases = new KpiCountingCaseStore(new DynamoCaseStore(client, stack.tables), stack.dependencies.stores);
    for (const [index, { storeId }] of [SMALL, LARGE].entries()) {
      const count = settings.sizes[index] as number;
      log(`  ${storeId}: ${count} cases over ${quarter.label} through the KPI-counting case store`);
      const built = await buildDataset(cases, {
        storeId,
        count,
        quarter,
        concurrency: settings.concurrency,
        seed: 12,
      });
      const { value } = await kpiReport(stack.dependencies, storeId, {
        from: quarter.firstDay,
        to: quarter.lastDay,
        period: 'quarter',
      });
      const counted = value.periods.reduce((sum, period) => sum + period.casesReceived, 0);
      log(
        `  ${storeId}: ${built.writes} writes in ${Math.round(built.buildMs / 1000)} s; the report counts ${counted}`,
      );
      datasets.push({ ...built, counted });
    }
  } finally {
    client.destroy();
  }

  const range = `from=${quarter.firstDay}&to=${quarter.lastDay}`;
  const reports = [
    {
      report: 'kpis period=quarter',
      path: `/v1/reports/kpis?${range}&period=quarter`,
      itemsRead: (storeId: string) =>
        kpiReport(stack.dependencies, storeId, { from: quarter.firstDay, to: quarter.lastDay, period: 'quarter' }),
    },
    {
      report: 'kpis period=week',
      path: `/v1/reports/kpis?${range}&period=week`,
      itemsRead: (storeId: string) =>
        kpiReport(stack.dependencies, storeId, { from: quarter.firstDay, to: quarter.lastDay, period: 'week' }),
    },
    {
      report: 'csat (50 answers)',
      path: `/v1/reports/csat?${range}`,
      itemsRead: (storeId: string) =>
        csatReport(stack.dependencies, storeId, { from: quarter.firstDay, to: quarter.lastDay, limit: 50 }),
    },
  ];
  const callers = [
    { ...SMALL, caller: await signIn(SMALL.supervisor), cases: settings.sizes[0] },
    { ...LARGE, caller: await signIn(LARGE.supervisor), cases: settings.sizes[1] },
  ];
  const figures: ReportScaleFigures['reports'] = [];
  for (const report of reports) {
    const samples = callers.map(() => ({ ms: [] as number[], roundTrips: [] as number[], units: [] as number[] }));
    for (const side of callers) for (let warm = 0; warm < WARM_UP; warm += 1) await side.caller.get(report.path);
    for (let sample = 0; sample < settings.samples; sample += 1) {
      // Alternating which store goes first, so drift on the shared machine weighs on both alike.
      const order = sample % 2 === 0 ? [0, 1] : [1, 0];
      for (const index of order) {
        const side = callers[index] as (typeof callers)[number];
        const before = meter.snapshot();
        await side.caller.get(report.path);
        const used = meter.since(before);
        const target = samples[index] as (typeof samples)[number];
        target.ms.push(api.calls.at(-1)?.ms ?? Number.NaN);
        target.roundTrips.push(used.roundTrips);
        target.units.push(used.readCapacityUnits);
      }
    }
    const [small, large] = await Promise.all(
      callers.map(async (side, index): Promise<ReportTiming> => {
        const sample = samples[index] as (typeof samples)[number];
        return {
          storeId: side.storeId,
          cases: side.cases,
          samples: sample.ms.length,
          p50Ms: round(percentile(sample.ms, 50)),
          p95Ms: round(percentile(sample.ms, 95)),
          itemsRead: (await report.itemsRead(side.storeId)).itemsRead,
          dynamoRoundTrips: median(sample.roundTrips),
          readCapacityUnits: median(sample.units),
        };
      }),
    );
    if (!small || !large) throw new Error('Both stores must be measured');
    figures.push({
      report: report.report,
      small,
      large,
      p50Ratio: round(large.p50Ms / small.p50Ms),
      p95Ratio: round(large.p95Ms / small.p95Ms),
    });
  }
  return { quarter: quarter.label, from: quarter.firstDay, to: quarter.lastDay, datasets, reports: figures };
};
