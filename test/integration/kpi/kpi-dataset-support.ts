import { caseWithChange, type Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../../functions/domain/sla/sla-policy.js';
import type { Store } from '../../../functions/domain/store.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import type { StoreDirectory } from '../../../functions/ports/store-directory.js';
import {
  brutePeriods,
  bruteFigures,
  caseTruth,
  OpenIntervals,
  ZoneClock,
  type BruteCase,
  type BruteEvent,
  type BruteTargets,
} from './kpi-brute-force.js';
import { DATASET_CALENDAR, DATASET_TIMEZONE, type ScriptedCase } from './kpi-dataset.js';

/** Runs `work` over `items` with at most `concurrency` in flight. */
export const inPool = async <T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
};

/**
 * A write retried on a transient failure, as intake retries its `create` and a workflow task its step: DynamoDB Local
 * on a loaded machine sometimes gives up waiting for an item lock (`InternalServerError`, "will succeed in actual
 * DynamoDB"), and such a transaction wrote nothing.
 */
const retriedWhenTransient = async (write: () => Promise<void>): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof TransientError) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
};

/** Writes one scripted case as the use cases would: intake's `create`, then each change from the case as it stands. */
export const writeScriptedCase = async (cases: CaseStore, script: ScriptedCase): Promise<void> => {
  await retriedWhenTransient(() => cases.create(script.initial, script.firstEvent));
  let current: Case = script.initial;
  for (const change of script.changes) {
    await retriedWhenTransient(() => cases.update(current, change));
    current = caseWithChange(current, change);
  }
};

/** The store's SLA policy in the dataset: the default targets on the dataset's calendar. */
export const datasetPolicy = (version = 0): StoreSlaPolicy => ({
  ...DEFAULT_SLA_POLICY,
  calendar: DATASET_CALENDAR,
  version,
});

/** The targets by their values, written out (the brute force reads no SLA code). */
export const BRUTE_SLA_TARGETS: BruteTargets = {
  P1: { firstResponse: 'PT1H', resolution: 'P1D' },
  P2: { firstResponse: 'PT4H', resolution: 'P2D' },
  P3: { firstResponse: 'PT4H', resolution: 'P2D' },
  P4: { firstResponse: 'P1D', resolution: 'P5D' },
};

/** The store directory the counting store reads its context from, each answer read once (the dataset never changes it). */
export const remembered = (
  stores: Pick<StoreDirectory, 'getStore' | 'getSlaPolicy'>,
): Pick<StoreDirectory, 'getStore' | 'getSlaPolicy'> => {
  const profiles = new Map<string, Promise<Store | undefined>>();
  const policies = new Map<string, Promise<StoreSlaPolicy>>();
  return {
    getStore: (storeId) => {
      if (!profiles.has(storeId)) profiles.set(storeId, stores.getStore(storeId));
      return profiles.get(storeId) as Promise<Store | undefined>;
    },
    getSlaPolicy: (storeId) => {
      if (!policies.has(storeId)) policies.set(storeId, stores.getSlaPolicy(storeId));
      return policies.get(storeId) as Promise<StoreSlaPolicy>;
    },
  };
};

export type Grain = 'week' | 'month' | 'quarter';

/** The brute force's figures for every period of each grain over `from`..`to`, from the cases as read back. */
export const bruteReport = (
  stored: ReadonlyArray<{ case: Case; timeline: readonly BruteEvent[] }>,
  from: string,
  to: string,
) => {
  const zone = new ZoneClock(DATASET_TIMEZONE);
  const open = new OpenIntervals(
    {
      timezone: DATASET_CALENDAR.timezone,
      weekly: DATASET_CALENDAR.weekly ?? {},
      holidays: DATASET_CALENDAR.holidays ?? [],
      makeUpDays: DATASET_CALENDAR.makeUpDays ?? [],
    },
    zone,
    '2025-11-01',
    '2027-12-31',
  );
  const truths = stored.map(({ case: value, timeline }) =>
    caseTruth(value as unknown as BruteCase, timeline, open, BRUTE_SLA_TARGETS),
  );
  const figures = (grain: Grain) =>
    brutePeriods(from, to, grain).map((period) => ({ period: grain, ...bruteFigures(truths, period) }));
  return { truths, figures };
};
