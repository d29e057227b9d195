import { SURVEY_DIMENSIONS, type SurveyAttribution, type SurveyRatings } from '../aftercare/survey.js';
import type { Case } from '../case.js';
import { DAY_MS } from '../zoned-time.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { TimelineEvent } from '../timeline.js';
import {
  breachCounter,
  bucketKey,
  COUNTER,
  escalationCounter,
  ratingCountCounter,
  ratingSumCounter,
  resolutionBinCounter,
  settledCounter,
  voidedCounter,
  WHOLE_STORE,
  type KpiCounts,
  type KpiDimension,
} from './kpi-buckets.js';
import {
  firstResponseMetAt,
  kpiStampOf,
  measureFirstResponse,
  measureResolution,
  type MilestoneMeasure,
} from './kpi-measurements.js';
import { localDayOf, periodContaining } from './report-calendar.js';
import { resolutionBinOf } from './resolution-histogram.js';

/**
 * What one case contributes to its store's KPI counters and report records, computed from the case and its whole
 * timeline alone. Every write adds `facts(after) - facts(before)` to the counters (kpi-delta.ts), so the counters are
 * always the sum of these facts over the store's cases: the rebuild command recomputes exactly this. The definitions
 * are in the README ("KPI definitions"); in short, each fact counts on the store-local day of the event behind it:
 * - received: the day the case was filed, by type and channel.
 * - first response: the day it was met (first public reply, or the first resolution), by agent and type.
 * - resolution: the day of the case's latest resolution, once per case (a reopening withdraws the earlier one), by
 *   agent, type and root cause; times of the last round.
 * - cohort: on the receipt day, `settled@D` +1 at each resolution, -1 at each reopening; `voided@D` at rejection or
 *   cancellation.
 * - rounds: every resolution, and those reopened within 7 days, on the resolution's day.
 * - surveys: sent on its day; answered on its day (ratings, satisfied), and again on the sending day (response rate).
 * - escalation levels reached, SLA breaches, revisits: on their day.
 */

export const REOPEN_RATE_WINDOW_MS = 7 * DAY_MS;

/** The cohort day of a settlement after every period its case's receipt day belongs to: sorts after any date. */
export const COHORT_AFTER_LAST_PERIOD = 'later';

/** A row of a report listing (the per-case export, the survey comments), kept beside the counters. */
export interface KpiRecord {
  list: 'cases' | 'surveys';
  /** Orders the list: the receipt or answer time, then the case id. */
  sortKey: string;
  fields: Record<string, string | number | boolean>;
}

export interface CaseKpiFacts {
  /** By bucket key (`bucketKey`): the counts this case adds there. */
  counters: Map<string, KpiCounts>;
  /** By `list|sortKey`. */
  records: Map<string, KpiRecord>;
}

export interface KpiFactOptions {
  /** The store's reporting time zone: where days are cut. */
  timeZone: string;
  /**
   * Measures a met milestone whose event carries no stamp (cases from before the counters existed): the rebuild passes
   * the store's SLA policy. Without it such a milestone is left uncounted.
   */
  policy?: Pick<SlaPolicy, 'calendar' | 'targets'>;
}

const byTime = (a: TimelineEvent, b: TimelineEvent): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

class FactSheet {
  readonly counters = new Map<string, KpiCounts>();
  readonly records = new Map<string, KpiRecord>();

  add(dimension: KpiDimension, value: string | undefined, day: string, counts: KpiCounts): void {
    if (value === undefined || value === '') return;
    const key = bucketKey({ dimension, value, day });
    const bucket = this.counters.get(key) ?? {};
    for (const [name, amount] of Object.entries(counts)) {
      if (amount !== 0) bucket[name] = (bucket[name] ?? 0) + amount;
    }
    this.counters.set(key, bucket);
  }

  record(record: KpiRecord): void {
    this.records.set(`${record.list}|${record.sortKey}`, record);
  }
}

const measureCounts = (
  measure: MilestoneMeasure,
  names: { count: string; business: string; calendar: string; within: string },
): KpiCounts => ({
  [names.count]: 1,
  [names.business]: measure.businessSeconds,
  [names.calendar]: measure.calendarSeconds,
  [names.within]: measure.withinSla ? 1 : 0,
});

const ratingCounts = (ratings: SurveyRatings): KpiCounts => {
  const counts: KpiCounts = {
    [COUNTER.surveyAnswers]: 1,
    [COUNTER.satisfied]: ratings.overall >= 4 ? 1 : 0,
  };
  for (const dimension of SURVEY_DIMENSIONS) {
    const rating = ratings[dimension];
    if (typeof rating === 'number') {
      counts[ratingSumCounter(dimension)] = rating;
      counts[ratingCountCounter(dimension)] = 1;
    }
  }
  return counts;
};

export const caseKpiFacts = (
  value: Case,
  timeline: readonly TimelineEvent[],
  { timeZone, policy }: KpiFactOptions,
): CaseKpiFacts => {
  const sheet = new FactSheet();
  const dayOf = (instant: string) => localDayOf(instant, timeZone);
  const events = [...timeline].sort(byTime);
  const received = dayOf(value.createdAt);

  sheet.add('store', WHOLE_STORE, received, { [COUNTER.received]: 1 });
  sheet.add('type', value.type, received, { [COUNTER.received]: 1 });
  sheet.add('channel', value.channel, received, { [COUNTER.received]: 1 });

  const voidedAt =
    value.status === 'rejected'
      ? (value.decision?.decidedAt ?? value.updatedAt)
      : value.status === 'cancelled'
        ? (value.cancellation?.cancelledAt ?? value.updatedAt)
        : undefined;
  // A cohort day past the last period end any report of the receipt day can have is never read: one name keeps the
  // receipt day's bucket bounded (at most ~100 cohort counters) however late its cases are settled.
  const lastCohortEnd = [periodContaining(received, 'week').end, periodContaining(received, 'quarter').end].sort()[1];
  const cohortDay = (instant: string): string => {
    const day = dayOf(instant);
    return lastCohortEnd !== undefined && day > lastCohortEnd ? COHORT_AFTER_LAST_PERIOD : day;
  };
  if (voidedAt) sheet.add('store', WHOLE_STORE, received, { [voidedCounter(cohortDay(voidedAt))]: 1 });

  // First response: the stamped event that met it; a case from before stamps is measured now, if it can be.
  const firstResponseEvent = events.find((event) => kpiStampOf(event)?.firstResponse);
  const firstResponseAt = firstResponseEvent?.at ?? firstResponseMetAt(value);
  const firstResponse =
    kpiStampOf(firstResponseEvent ?? {})?.firstResponse ??
    (firstResponseAt && policy ? measureFirstResponse(value, events, policy, undefined) : undefined);
  if (firstResponse && firstResponseAt) {
    const counts = measureCounts(firstResponse, {
      count: COUNTER.firstResponses,
      business: COUNTER.firstResponseBusinessSeconds,
      calendar: COUNTER.firstResponseCalendarSeconds,
      within: COUNTER.firstResponsesWithinSla,
    });
    const day = dayOf(firstResponseAt);
    sheet.add('store', WHOLE_STORE, day, counts);
    sheet.add('agent', firstResponse.agentId, day, counts);
    sheet.add('type', value.type, day, counts);
  }

  // Resolutions, rounds, reopenings and the cohort.
  const resolutions = events.filter((event) => event.type === 'resolved');
  for (const event of events) {
    if (event.type === 'resolved') {
      sheet.add('store', WHOLE_STORE, received, { [settledCounter(cohortDay(event.at))]: 1 });
      sheet.add('store', WHOLE_STORE, dayOf(event.at), { [COUNTER.roundsResolved]: 1 });
    }
    if (event.type === 'reopened') {
      sheet.add('store', WHOLE_STORE, received, { [settledCounter(cohortDay(event.at))]: -1 });
      const resolvedBefore = resolutions.filter((resolution) => byTime(resolution, event) < 0).at(-1);
      if (resolvedBefore && Date.parse(event.at) - Date.parse(resolvedBefore.at) <= REOPEN_RATE_WINDOW_MS) {
        sheet.add('store', WHOLE_STORE, dayOf(resolvedBefore.at), { [COUNTER.roundsReopenedWithin7Days]: 1 });
      }
    }
  }
  const isResolved = (value.status === 'resolved' || value.status === 'closed') && value.resolution !== undefined;
  const lastResolution = isResolved ? resolutions.at(-1) : undefined;
  const resolution = lastResolution
    ? (kpiStampOf(lastResolution)?.resolution ??
      (policy ? measureResolution(value, events, policy, undefined) : undefined))
    : undefined;
  if (resolution && value.resolution) {
    const day = dayOf(value.resolution.resolvedAt);
    const counts = {
      ...measureCounts(resolution, {
        count: COUNTER.resolved,
        business: COUNTER.resolutionBusinessSeconds,
        calendar: COUNTER.resolutionCalendarSeconds,
        within: COUNTER.resolvedWithinSla,
      }),
      [resolutionBinCounter(resolutionBinOf(resolution.businessSeconds))]: 1,
    };
    sheet.add('store', WHOLE_STORE, day, counts);
    sheet.add('agent', resolution.agentId, day, counts);
    sheet.add('type', value.type, day, counts);
    sheet.add('rootCause', value.resolution.rootCause, day, counts);
  }

  // Surveys, escalations, breaches, revisits.
  const surveysSent = new Map<number, TimelineEvent>();
  let latestOverall: number | undefined;
  for (const event of events) {
    const details = event.details ?? {};
    const day = dayOf(event.at);
    if (event.type === 'survey_sent') {
      const attribution = details.attribution as SurveyAttribution | undefined;
      surveysSent.set(Number(details.round ?? 1), event);
      sheet.add('store', WHOLE_STORE, day, { [COUNTER.surveysSent]: 1 });
      sheet.add('agent', attribution?.agentId, day, { [COUNTER.surveysSent]: 1 });
      sheet.add('type', attribution?.type, day, { [COUNTER.surveysSent]: 1 });
    }
    if (event.type === 'survey_answered') {
      const ratings = details.ratings as SurveyRatings | undefined;
      const attribution = details.attribution as SurveyAttribution | undefined;
      if (!ratings || typeof ratings.overall !== 'number') continue;
      latestOverall = ratings.overall;
      const counts = ratingCounts(ratings);
      sheet.add('store', WHOLE_STORE, day, counts);
      sheet.add('agent', attribution?.agentId, day, counts);
      sheet.add('type', attribution?.type, day, counts);
      sheet.add('rootCause', attribution?.rootCause, day, counts);
      const round = Number(details.round ?? 1);
      const sent = surveysSent.get(round);
      if (sent) {
        const sentDay = dayOf(sent.at);
        sheet.add('store', WHOLE_STORE, sentDay, { [COUNTER.answersOfSent]: 1 });
        sheet.add('agent', attribution?.agentId, sentDay, { [COUNTER.answersOfSent]: 1 });
        sheet.add('type', attribution?.type, sentDay, { [COUNTER.answersOfSent]: 1 });
      }
      sheet.record({
        list: 'surveys',
        sortKey: `${event.at}#${value.caseId}#${round}`,
        fields: {
          caseId: value.caseId,
          caseNumber: value.caseNumber,
          round,
          answeredAt: event.at,
          ...Object.fromEntries(
            SURVEY_DIMENSIONS.filter((dimension) => typeof ratings[dimension] === 'number').map((dimension) => [
              dimension,
              ratings[dimension] as number,
            ]),
          ),
          ...(typeof details.comment === 'string' && details.comment ? { comment: details.comment } : {}),
          ...(attribution?.agentId ? { agentId: attribution.agentId } : {}),
          ...(attribution?.agentName ? { agentName: attribution.agentName } : {}),
          ...(attribution ? { type: attribution.type, rootCause: attribution.rootCause } : {}),
        },
      });
    }
    if (event.type === 'escalated' && typeof details.level === 'number') {
      sheet.add('store', WHOLE_STORE, day, { [escalationCounter(details.level)]: 1 });
    }
    if (event.type === 'sla_breached' && typeof details.milestone === 'string') {
      sheet.add('store', WHOLE_STORE, day, { [breachCounter(details.milestone)]: 1 });
    }
    if (event.type === 'revisit_completed') {
      sheet.add('store', WHOLE_STORE, day, {
        [COUNTER.revisitsCompleted]: 1,
        [COUNTER.revisitsRecurred]: details.outcome === 'recurred' ? 1 : 0,
      });
    }
  }

  sheet.record({
    list: 'cases',
    sortKey: `${value.createdAt}#${value.caseId}`,
    fields: caseRow(value, events, { firstResponseAt, firstResponse, resolution, latestOverall }),
  });
  return { counters: sheet.counters, records: sheet.records };
};

/**
 * Where a case stands, as the export says it: how it ended, or `open` once approved, `received` before. Read from what
 * counted writes change (terminal statuses, the decision), not from the working statuses (assigned, in progress,
 * awaiting the customer), which change without moving a counter.
 */
const caseState = (value: Case): string => {
  if (value.status === 'rejected' || value.status === 'resolved' || value.status === 'closed') return value.status;
  if (value.status === 'cancelled') return 'cancelled';
  return value.decision?.outcome === 'approved' ? 'open' : 'received';
};

const caseRow = (
  value: Case,
  events: readonly TimelineEvent[],
  measured: {
    firstResponseAt?: string;
    firstResponse?: MilestoneMeasure;
    resolution?: MilestoneMeasure;
    latestOverall?: number;
  },
): Record<string, string | number | boolean> => {
  const levels = events.filter((event) => event.type === 'escalated').map((event) => Number(event.details?.level ?? 0));
  const optional = (name: string, present: unknown, field: string | number | boolean | undefined) =>
    present !== undefined && field !== undefined ? { [name]: field } : {};
  return {
    caseId: value.caseId,
    caseNumber: value.caseNumber,
    receivedAt: value.createdAt,
    type: value.type,
    channel: value.channel,
    state: caseState(value),
    ...optional('priority', value.classification, value.classification?.priority),
    ...optional('decision', value.decision, value.decision?.outcome),
    ...optional('firstResponseAt', measured.firstResponse, measured.firstResponseAt),
    ...optional('firstResponseBusinessSeconds', measured.firstResponse, measured.firstResponse?.businessSeconds),
    ...optional('firstResponseWithinSla', measured.firstResponse, measured.firstResponse?.withinSla),
    ...optional('resolvedAt', measured.resolution, value.resolution?.resolvedAt),
    ...optional('resolutionType', measured.resolution, value.resolution?.type),
    ...optional('rootCause', measured.resolution, value.resolution?.rootCause),
    ...optional('resolutionBusinessSeconds', measured.resolution, measured.resolution?.businessSeconds),
    ...optional('resolutionWithinSla', measured.resolution, measured.resolution?.withinSla),
    ...optional('agentId', measured.resolution?.agentId, measured.resolution?.agentId),
    reopens: events.filter((event) => event.type === 'reopened').length,
    escalationLevel: levels.length ? Math.max(...levels) : 0,
    breaches: events.filter((event) => event.type === 'sla_breached').length,
    ...optional('surveyOverall', measured.latestOverall, measured.latestOverall),
  };
};
