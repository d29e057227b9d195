/**
 * KPI counters live in day buckets: one bucket per store, dimension value and store-local day, holding named counts.
 * A period's figures are the sums of its days' buckets (a quarter: at most 92 buckets per dimension value).
 */

export const KPI_DIMENSIONS = ['store', 'agent', 'type', 'channel', 'rootCause'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/** The value of the `store` dimension: the store as a whole. */
export const WHOLE_STORE = '-';

export interface KpiBucketRef {
  dimension: KpiDimension;
  /** The agent id, case type, channel or root cause; `-` for the whole store. */
  value: string;
  /** Store-local date, `YYYY-MM-DD`. */
  day: string;
}

/** Named counts; a missing name is 0. */
export type KpiCounts = Record<string, number>;

export interface KpiBucket extends KpiBucketRef {
  counts: KpiCounts;
}

/** The counters' names. Sums of seconds are whole seconds of business or calendar time. */
export const COUNTER = {
  received: 'received',
  firstResponses: 'firstResponses',
  firstResponseBusinessSeconds: 'firstResponseBusinessSeconds',
  firstResponseCalendarSeconds: 'firstResponseCalendarSeconds',
  firstResponsesWithinSla: 'firstResponsesWithinSla',
  resolved: 'resolved',
  resolutionBusinessSeconds: 'resolutionBusinessSeconds',
  resolutionCalendarSeconds: 'resolutionCalendarSeconds',
  resolvedWithinSla: 'resolvedWithinSla',
  /** Every resolution of every round (a reopened case resolved again counts twice here, and only here). */
  roundsResolved: 'roundsResolved',
  /** Of those, the ones reopened within 7 days, on the resolution's day. */
  roundsReopenedWithin7Days: 'roundsReopenedWithin7Days',
  surveysSent: 'surveysSent',
  /** Answers, counted on the day their survey was sent (the response rate's numerator). */
  answersOfSent: 'answersOfSent',
  surveyAnswers: 'surveyAnswers',
  satisfied: 'satisfied',
  revisitsCompleted: 'revisitsCompleted',
  revisitsRecurred: 'revisitsRecurred',
} as const;

/** Business-hour bin of a resolution time (see resolution-histogram.ts). */
export const resolutionBinCounter = (bin: number): string => `resolutionBin${bin}`;
/** The sum and count of one survey dimension's ratings. */
export const ratingSumCounter = (dimension: string): string => `ratingSum_${dimension}`;
export const ratingCountCounter = (dimension: string): string => `ratingCount_${dimension}`;
export const escalationCounter = (level: number): string => `escalationsL${level}`;
export const breachCounter = (milestone: string): string => `breaches_${milestone}`;
/**
 * Cohort counters, kept on the bucket of the day the case was received: `settled@D` is +1 on the day D it was resolved
 * (or closed without a resolution) and -1 on the day it was reopened; `voided@D` is +1 on the day it was rejected or
 * cancelled. Summing those up to a period's end tells how many of the period's cases were resolved (or void) then.
 */
export const settledCounter = (day: string): string => `settled@${day}`;
export const voidedCounter = (day: string): string => `voided@${day}`;
export const SETTLED_PREFIX = 'settled@';
export const VOIDED_PREFIX = 'voided@';

export const bucketKey = ({ dimension, value, day }: KpiBucketRef): string => `${dimension}|${value}|${day}`;

export const bucketRefOf = (key: string): KpiBucketRef => {
  const [dimension, value, day] = key.split('|') as [KpiDimension, string, string];
  return { dimension, value, day };
};
