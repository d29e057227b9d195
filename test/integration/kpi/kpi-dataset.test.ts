import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import type { TimelineEvent } from '../../../functions/domain/timeline.js';
import type { KpiReport } from '../../../functions/domain/kpi/kpi-report.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import type { KpiStore } from '../../../functions/ports/kpi-store.js';
import { KpiCountingCaseStore } from '../../../functions/use-cases/kpi/kpi-counting-case-store.js';
import { kpiReport } from '../../../functions/use-cases/reports/kpi-report.js';
import {
  dependenciesOn,
  freshStoreId,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';
import { InMemoryKpiCaseStore } from './in-memory-kpi-case-store.js';
import { differences } from './kpi-brute-force.js';
import { DATASET_FROM, DATASET_TIMEZONE, DATASET_TO, kpiDataset } from './kpi-dataset.js';
import {
  bruteReport,
  datasetPolicy,
  inPool,
  remembered,
  writeScriptedCase,
  type Grain,
} from './kpi-dataset-support.js';

/**
 * Every KPI of the report equals a brute-force recomputation from the cases' timelines (kpi-brute-force.ts, written
 * from the README's definitions without the production KPI or SLA code), for every week, month and quarter of
 * 2026-01-01..2026-06-30, on a seeded dataset written through the real counting case store (`create`, then `update`
 * with each change; never a counter).
 * - 10,000 cases through the counting store over an in-memory case store that applies the KPI deltas as the
 *   transaction does (in-memory-kpi-case-store.ts): DynamoDB Local took ~60 writes a second here (one run of
 *   10,000 cases, 76,841 writes: 21 minutes).
 * - KPI_DATASET_DYNAMO_CASES (default 300) of them through the counting store over DynamoDB Local, the transactions
 *   real; `KPI_DATASET_DYNAMO_CASES=10000 npx vitest run test/integration/kpi/kpi-dataset.test.ts` runs the full set
 *   there (KPI_DATASET_CASES sets the in-memory count, KPI_DATASET_IN_FLIGHT the cases written at once, default 24);
 *   a run that large outlasts the suite's one test ceiling (test/support/wait-ceiling.ts): add `--testTimeout=0`.
 */
const CASES = Number(process.env.KPI_DATASET_CASES ?? 10_000);
const DYNAMO_CASES = Number(process.env.KPI_DATASET_DYNAMO_CASES ?? 300);
const IN_FLIGHT = Number(process.env.KPI_DATASET_IN_FLIGHT ?? 24);
const NOW = new Date('2026-07-20T10:00:00Z');

let fixture: DynamoFixture;
beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

/** Writes the dataset through the counting store over `inner`, reads it back, and compares every period's figures. */
const assessDataset = async (
  inner: CaseStore,
  kpis: Pick<KpiStore, 'listBuckets'>,
  count: number,
  name: string,
): Promise<void> => {
  // Prepare: a Berlin store with its own calendar (holidays, a make-up day), the cases written through the counter
  const storeId = freshStoreId();
  await putStoreProfile(fixture, storeProfile(storeId, { timezone: DATASET_TIMEZONE }));
  await fixture.stores.saveSlaPolicy(storeId, datasetPolicy());
  const counting = new KpiCountingCaseStore(inner, remembered(fixture.stores));
  const dataset = kpiDataset(storeId, count);
  const started = Date.now();
  await inPool(dataset, IN_FLIGHT, (script) => writeScriptedCase(counting, script));
  const written = Date.now();
  const stored: Array<{ case: Case; timeline: TimelineEvent[] }> = [];
  await inPool(dataset, IN_FLIGHT, async ({ initial }) => {
    const found = await inner.getWithTimeline(initial.caseId);
    if (found) stored.push(found);
  });
  const read = Date.now();

  // Act
  const dependencies = dependenciesOn(fixture, { kpis: kpis as KpiStore, clock: { now: () => NOW } });
  const reports = Object.fromEntries(
    await Promise.all(
      (['week', 'month', 'quarter'] as Grain[]).map(async (period) => [
        period,
        (await kpiReport(dependencies, storeId, { from: DATASET_FROM, to: DATASET_TO, period })).value,
      ]),
    ),
  ) as Record<Grain, KpiReport>;

  // Assess
  const brute = bruteReport(stored, DATASET_FROM, DATASET_TO);
  console.info(
    `KPI dataset (${name}): ${count} cases, ${dataset.reduce((sum, script) => sum + 1 + script.changes.length, 0)} ` +
      `writes in ${seconds(started, written)}; read back in ${seconds(written, read)}; brute force in ${seconds(read)}`,
  );
  expect(stored).toHaveLength(count);
  if (count >= 1000) expect(coverage(stored, brute.truths)).toEqual(EXPECTED_COVERAGE);
  for (const grain of ['week', 'month', 'quarter'] as Grain[]) {
    const expected = brute.figures(grain);
    expect(reports[grain].periods.map(({ label }) => label)).toEqual(expected.map(({ label }) => label));
    expect(differences(reports[grain].periods, expected)).toEqual([]);
  }
  expect(reports.week.periods).toHaveLength(27);
  expect(reports.month.periods).toHaveLength(6);
  expect(reports.quarter.periods.map(({ label }) => label)).toEqual(['2026-Q1', '2026-Q2']);
  return undefined;
};

const spans = (value: Case, instant: string) =>
  value.createdAt <= instant && instant <= (value.resolution?.resolvedAt ?? value.updatedAt);
const HOLIDAYS = ['2026-04-03T10:00:00Z', '2026-04-06T10:00:00Z', '2026-05-01T10:00:00Z', '2026-05-14T10:00:00Z'];

/** What the dataset holds of each situation the definitions must get right (a dataset missing one proves nothing). */
const coverage = (
  stored: ReadonlyArray<{ case: Case; timeline: TimelineEvent[] }>,
  truths: ReturnType<typeof bruteReport>['truths'],
): Record<string, boolean> => {
  const has = (predicate: (index: number) => boolean) => stored.some((_, index) => predicate(index));
  const caseAt = (index: number) => (stored[index] as { case: Case }).case;
  const timelineAt = (index: number) => (stored[index] as { timeline: TimelineEvent[] }).timeline;
  const truthAt = (index: number) => truths[index] as (typeof truths)[number];
  const types = (index: number) => timelineAt(index).map(({ type }) => type);
  return {
    rejected: has((i) => caseAt(i).status === 'rejected'),
    cancelled: has((i) => caseAt(i).status === 'cancelled'),
    closed: has((i) => caseAt(i).status === 'closed'),
    stillOpen: has((i) => caseAt(i).status === 'in_progress' || caseAt(i).status === 'awaiting_customer'),
    manualReview: has((i) => caseAt(i).decision?.decidedBy === 'supervisor1' && caseAt(i).status !== 'rejected'),
    reopenedTwice: has((i) => types(i).filter((type) => type === 'reopened').length === 2),
    reopenedAndResolvedAgain: has((i) => (caseAt(i).round ?? 1) > 1 && caseAt(i).status === 'resolved'),
    paused: has((i) => timelineAt(i).some(({ to }) => to === 'awaiting_customer')),
    resolvedWhileAwaiting: has((i) =>
      timelineAt(i).some(({ type, from }) => type === 'resolved' && from === 'awaiting_customer'),
    ),
    unansweredSurvey: has((i) => caseAt(i).survey?.status === 'sent'),
    voidedSurvey: has((i) => types(i).includes('survey_voided')),
    firstResponseByResolution: has((i) => truthAt(i).firstResponse !== undefined && !caseAt(i).firstRespondedAt),
    firstResponseWithinAndMissed:
      has((i) => truthAt(i).firstResponse?.within === true) && has((i) => truthAt(i).firstResponse?.within === false),
    resolutionWithinAndMissed:
      has((i) => truthAt(i).resolution?.within === true) && has((i) => truthAt(i).resolution?.within === false),
    resolvedAcrossDst: has((i) => truthAt(i).resolution !== undefined && spans(caseAt(i), '2026-03-29T01:00:00Z')),
    resolvedAcrossAHoliday: has(
      (i) => truthAt(i).resolution !== undefined && HOLIDAYS.some((day) => spans(caseAt(i), day)),
    ),
    eventOnTheDstDay: has((i) =>
      timelineAt(i).some(({ at }) => at >= '2026-03-28T23:00:00Z' && at < '2026-03-29T22:00:00Z'),
    ),
    receivedInOneMonthResolvedInTheNext: has(
      (i) =>
        truthAt(i).resolution !== undefined &&
        truthAt(i).receivedDay.slice(0, 7) !== truthAt(i).resolution?.day.slice(0, 7),
    ),
    receivedInQ1ResolvedInQ2: has(
      (i) => truthAt(i).receivedDay < '2026-04-01' && (truthAt(i).resolution?.day ?? '') >= '2026-04-01',
    ),
    escalatedToLevel3: has((i) => truthAt(i).escalations.some(({ level }) => level === 3)),
    revisitRecurred: has((i) => truthAt(i).revisits.some(({ recurred }) => recurred)),
  };
};
const EXPECTED_COVERAGE = Object.fromEntries(
  [
    'rejected',
    'cancelled',
    'closed',
    'stillOpen',
    'manualReview',
    'reopenedTwice',
    'reopenedAndResolvedAgain',
    'paused',
    'resolvedWhileAwaiting',
    'unansweredSurvey',
    'voidedSurvey',
    'firstResponseByResolution',
    'firstResponseWithinAndMissed',
    'resolutionWithinAndMissed',
    'resolvedAcrossDst',
    'resolvedAcrossAHoliday',
    'eventOnTheDstDay',
    'receivedInOneMonthResolvedInTheNext',
    'receivedInQ1ResolvedInQ2',
    'escalatedToLevel3',
    'revisitRecurred',
  ].map((name) => [name, true]),
);

describe('KPI report on a generated dataset, against a brute-force recomputation from the timelines', () => {
  it(`equals it in every week, month and quarter: ${CASES} cases over an in-memory case store`, async () => {
    const inner = new InMemoryKpiCaseStore();
    await assessDataset(inner, inner, CASES, 'in memory');
  });

  it(`equals it in every week, month and quarter: ${DYNAMO_CASES} cases on DynamoDB Local`, async () => {
    await assessDataset(fixture.cases, fixture.kpis, DYNAMO_CASES, 'DynamoDB Local');
  });
});
