import { SURVEY_DIMENSIONS, type SurveyDimension } from '../aftercare/survey.js';
import type { CaseType, Channel, RootCause } from '../case.js';
import {
  breachCounter,
  COUNTER,
  escalationCounter,
  ratingCountCounter,
  ratingSumCounter,
  resolutionBinCounter,
  SETTLED_PREFIX,
  VOIDED_PREFIX,
  type KpiBucket,
  type KpiCounts,
} from './kpi-buckets.js';
import type { KpiPeriodFigures, KpiTargets, TargetCheck } from './kpi-report.js';
import type { ReportPeriodRange } from './report-calendar.js';
import { medianHoursOf, RESOLUTION_BIN_UPPER_HOURS } from './resolution-histogram.js';

/** Seed 001's targets: first response under 4 business hours, resolution rate 90 %, satisfaction 85 %. */
export const DEFAULT_KPI_TARGETS: KpiTargets = {
  firstResponseMaxMinutes: 240,
  resolutionRateMin: 0.9,
  csatMin: 0.85,
};

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const sumCounts = (buckets: readonly KpiBucket[]): KpiCounts => {
  const total: KpiCounts = {};
  for (const { counts } of buckets) {
    for (const [name, amount] of Object.entries(counts)) total[name] = (total[name] ?? 0) + amount;
  }
  return total;
};

/** The sum of the `prefix@D` counts with D on or before `end`. */
const sumThrough = (counts: KpiCounts, prefix: string, end: string): number =>
  Object.entries(counts)
    .filter(([name]) => name.startsWith(prefix) && name.slice(prefix.length) <= end)
    .reduce((sum, [, amount]) => sum + amount, 0);

const check = (value: number | null, target: number, met: (value: number) => boolean): TargetCheck => ({
  target,
  met: value === null ? null : met(value),
});

/** Satisfaction from summed counts (a period's, an agent's over a range, ...): see the README's definitions. */
export const csatOf = (counts: KpiCounts, targets: Pick<KpiTargets, 'csatMin'>): KpiPeriodFigures['csat'] => {
  const count = (name: string) => counts[name] ?? 0;
  const satisfiedRate = ratio(count(COUNTER.satisfied), count(COUNTER.surveyAnswers));
  return {
    surveysSent: count(COUNTER.surveysSent),
    responses: count(COUNTER.surveyAnswers),
    responseRate: ratio(count(COUNTER.answersOfSent), count(COUNTER.surveysSent)),
    avgOverall: ratio(count(ratingSumCounter('overall')), count(ratingCountCounter('overall'))),
    satisfiedRate,
    dimensions: Object.fromEntries(
      SURVEY_DIMENSIONS.map((dimension) => [
        dimension,
        ratio(count(ratingSumCounter(dimension)), count(ratingCountCounter(dimension))),
      ]),
    ) as Record<SurveyDimension, number | null>,
    target: check(satisfiedRate, targets.csatMin, (value) => value >= targets.csatMin),
  };
};

const inPeriod = (period: ReportPeriodRange) => (bucket: KpiBucket) =>
  bucket.day >= period.start && bucket.day <= period.end;

/**
 * A breakdown's figures per value, only the values with a figure in the period: a bucket holding other counts (a type's
 * first responses) or counts netted to zero (a resolution withdrawn by a reopening) lists nothing.
 */
/** The summed counts of each dimension value of `buckets` (one dimension's), by value. */
export const countsByValue = (buckets: readonly KpiBucket[]): Array<[value: string, counts: KpiCounts]> =>
  [...new Set(buckets.map((bucket) => bucket.value))]
    .sort()
    .map((value) => [value, sumCounts(buckets.filter((bucket) => bucket.value === value))]);

/** A breakdown: the figures of each value that has one in the period. */
const byValue = <K extends string, F extends Record<string, number>>(
  buckets: readonly KpiBucket[],
  figures: (counts: KpiCounts) => F,
): Partial<Record<K, F>> =>
  Object.fromEntries(
    countsByValue(buckets)
      .map(([value, counts]) => [value, figures(counts)] as const)
      .filter(([, figure]) => Object.values(figure).some((amount) => amount !== 0)),
  ) as Partial<Record<K, F>>;

/**
 * The figures of each period from the day buckets that fall in it: `store` buckets for the store's figures, `type`,
 * `channel` and `rootCause` buckets for the breakdowns. Pure sums and ratios; see the README's definitions.
 */
export const kpiFigures = (
  periods: readonly ReportPeriodRange[],
  buckets: readonly KpiBucket[],
  targets: KpiTargets,
): KpiPeriodFigures[] =>
  periods.map((period) => {
    const within = buckets.filter(inPeriod(period));
    const store = sumCounts(within.filter((bucket) => bucket.dimension === 'store'));
    const count = (name: string) => store[name] ?? 0;
    const received = count(COUNTER.received);
    const cohortCases = received - sumThrough(store, VOIDED_PREFIX, period.end);
    const cohortResolved = sumThrough(store, SETTLED_PREFIX, period.end);
    const firstResponses = count(COUNTER.firstResponses);
    const resolved = count(COUNTER.resolved);
    const avgFirstResponse = ratio(count(COUNTER.firstResponseBusinessSeconds) / 60, firstResponses);
    const resolutionRate = ratio(cohortResolved, cohortCases);
    const escalationsByLevel = {
      '1': count(escalationCounter(1)),
      '2': count(escalationCounter(2)),
      '3': count(escalationCounter(3)),
    };
    return {
      period: period.period,
      label: period.label,
      start: period.start,
      end: period.end,
      casesReceived: received,
      casesResolved: resolved,
      firstResponse: {
        count: firstResponses,
        avgMinutes: avgFirstResponse,
        avgCalendarMinutes: ratio(count(COUNTER.firstResponseCalendarSeconds) / 60, firstResponses),
        withinSlaRate: ratio(count(COUNTER.firstResponsesWithinSla), firstResponses),
        target: check(
          avgFirstResponse,
          targets.firstResponseMaxMinutes,
          (value) => value < targets.firstResponseMaxMinutes,
        ),
      },
      resolution: {
        cohortCases,
        cohortResolved,
        resolutionRate,
        withinSlaRate: ratio(count(COUNTER.resolvedWithinSla), resolved),
        avgHours: ratio(count(COUNTER.resolutionBusinessSeconds) / 3600, resolved),
        avgCalendarHours: ratio(count(COUNTER.resolutionCalendarSeconds) / 3600, resolved),
        medianHours: medianHoursOf(RESOLUTION_BIN_UPPER_HOURS.map((_, bin) => count(resolutionBinCounter(bin)))),
        target: check(resolutionRate, targets.resolutionRateMin, (value) => value >= targets.resolutionRateMin),
      },
      csat: csatOf(store, targets),
      escalations: escalationsByLevel['1'] + escalationsByLevel['2'] + escalationsByLevel['3'],
      escalationsByLevel,
      breaches: {
        firstResponse: count(breachCounter('firstResponse')),
        resolution: count(breachCounter('resolution')),
      },
      reopens: {
        resolutions: count(COUNTER.roundsResolved),
        reopenedWithin7Days: count(COUNTER.roundsReopenedWithin7Days),
        reopenRate: ratio(count(COUNTER.roundsReopenedWithin7Days), count(COUNTER.roundsResolved)),
      },
      revisits: {
        completed: count(COUNTER.revisitsCompleted),
        recurred: count(COUNTER.revisitsRecurred),
        recurredRate: ratio(count(COUNTER.revisitsRecurred), count(COUNTER.revisitsCompleted)),
      },
      byType: byValue<CaseType, { received: number; resolved: number }>(
        within.filter((bucket) => bucket.dimension === 'type'),
        (counts) => ({ received: counts[COUNTER.received] ?? 0, resolved: counts[COUNTER.resolved] ?? 0 }),
      ),
      byChannel: byValue<Channel, { received: number }>(
        within.filter((bucket) => bucket.dimension === 'channel'),
        (counts) => ({ received: counts[COUNTER.received] ?? 0 }),
      ),
      byRootCause: byValue<RootCause, { resolved: number }>(
        within.filter((bucket) => bucket.dimension === 'rootCause'),
        (counts) => ({ resolved: counts[COUNTER.resolved] ?? 0 }),
      ),
    };
  });
