/**
 * The README's KPI definitions recomputed from the staff view of each case (`GET /v1/staff/cases/{id}`: the case and
 * its timeline), OUTSIDE the service: no import from `functions/`, the stamps the service writes on events
 * (`details.kpi`) ignored. Only for a 24x7 SLA calendar, where business time is calendar time less the stretches spent
 * awaiting the customer, and for cases approved at receipt (both SLA clocks start at `createdAt`).
 */

export interface TimelineEntry {
  type: string;
  at: string;
  visibility?: string;
  from?: string;
  to?: string;
  details?: Record<string, unknown>;
}

export interface CaseView {
  caseId: string;
  caseNumber: string;
  status: string;
  type: string;
  channel: string;
  createdAt: string;
  resolution: { resolvedAt: string; rootCause: string } | null;
  timeline: TimelineEntry[];
}

export interface Targets {
  /** SLA targets of the policy in force, milliseconds (the same for every priority). */
  firstResponseMs: number;
  resolutionMs: number;
}

const DIMENSIONS = ['overall', 'attitude', 'professionalism', 'problemSolving', 'speed'] as const;
const SEVEN_DAYS_MS = 7 * 86_400_000;

/** The store-local date of an instant, by the platform's own time-zone data (not the service's code). */
export const localDay = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const ms = (iso: string): number => Date.parse(iso);

/** Stretches in `awaiting_customer`, from the event that entered it to the one that left it. */
const pausesOf = (timeline: readonly TimelineEntry[]): Array<{ from: number; to: number }> => {
  const pauses: Array<{ from: number; to: number }> = [];
  let since: number | undefined;
  for (const event of [...timeline].sort((a, b) => ms(a.at) - ms(b.at))) {
    if (since !== undefined && event.from === 'awaiting_customer') {
      pauses.push({ from: since, to: ms(event.at) });
      since = undefined;
    }
    if (since === undefined && event.to === 'awaiting_customer') since = ms(event.at);
  }
  return since === undefined ? pauses : [...pauses, { from: since, to: Number.POSITIVE_INFINITY }];
};

/** Business milliseconds on a 24x7 calendar: elapsed time less the pauses inside the span. */
const businessMs = (timeline: readonly TimelineEntry[], start: number, end: number): number =>
  end -
  start -
  pausesOf(timeline).reduce(
    (sum, pause) => sum + Math.max(0, Math.min(end, pause.to) - Math.max(start, pause.from)),
    0,
  );

const eventsOf = (view: CaseView, type: string) =>
  view.timeline.filter((event) => event.type === type).sort((a, b) => ms(a.at) - ms(b.at));

/** The lower median's bin upper bound: 1-hour bins below a day (all this test produces). */
const medianBinHours = (hours: number[]): number | null => {
  if (hours.length === 0) return null;
  const lower = [...hours].sort((a, b) => a - b)[Math.ceil(hours.length / 2) - 1] as number;
  if (lower >= 24) throw new Error('Only sub-day resolutions are recomputed here');
  return Math.max(1, Math.ceil(lower));
};

/** Drops breakdown entries without any count, so "absent" and "all zero" compare equal. */
export const nonZero = <T extends Record<string, number>>(entries: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.entries(entries).filter(([, counts]) => Object.values(counts).some((count) => count !== 0)),
  );

/** One period's figures (store-local days `start`..`end`), as the README defines them. */
export const recomputeKpis = (
  views: readonly CaseView[],
  { start, end, timeZone, targets }: { start: string; end: string; timeZone: string; targets: Targets },
) => {
  const inPeriod = (iso: string) => {
    const day = localDay(iso, timeZone);
    return day >= start && day <= end;
  };
  const byEnd = (iso: string) => localDay(iso, timeZone) <= end;
  const received = views.filter((view) => inPeriod(view.createdAt));

  // First response: the first public staff reply, or the first resolution if it came first.
  const firstResponses = views.flatMap((view) => {
    const reply = eventsOf(view, 'reply_sent').find((event) => event.visibility === 'public');
    const resolved = eventsOf(view, 'resolved')[0];
    const metAt = [reply?.at, resolved?.at].filter((at): at is string => !!at).sort((a, b) => ms(a) - ms(b))[0];
    if (!metAt || !inPeriod(metAt)) return [];
    const start = ms(view.createdAt);
    return [
      {
        business: Math.round(businessMs(view.timeline, start, ms(metAt)) / 1000),
        calendar: Math.round((ms(metAt) - start) / 1000),
        within: ms(metAt) - start <= targets.firstResponseMs,
      },
    ];
  });

  // Resolved: once per case, at its latest resolution, measured over the last round (from receipt or the reopening).
  const resolvedCases = views.filter(
    (view) =>
      (view.status === 'resolved' || view.status === 'closed') &&
      view.resolution &&
      inPeriod(view.resolution.resolvedAt),
  );
  const resolutions = resolvedCases.map((view) => {
    const resolvedAt = ms((view.resolution as { resolvedAt: string }).resolvedAt);
    const start = ms(eventsOf(view, 'reopened').at(-1)?.at ?? view.createdAt);
    const business = businessMs(view.timeline, start, resolvedAt);
    return {
      business: Math.round(business / 1000),
      calendar: Math.round((resolvedAt - start) / 1000),
      within: business <= targets.resolutionMs,
    };
  });

  // Cohort: received in the period, less those cancelled or rejected by its end; resolved at its end.
  const cohort = received.filter(
    (view) =>
      !eventsOf(view, 'cancelled').some((event) => byEnd(event.at)) &&
      !(view.status === 'rejected' && byEnd(eventsOf(view, 'decision_made').at(-1)?.at ?? view.createdAt)),
  );
  const cohortResolved = cohort.filter((view) => {
    const last = [...eventsOf(view, 'resolved'), ...eventsOf(view, 'reopened')]
      .filter((event) => byEnd(event.at))
      .sort((a, b) => ms(a.at) - ms(b.at))
      .at(-1);
    return last?.type === 'resolved';
  });

  // Surveys.
  const sent = views.flatMap((view) => eventsOf(view, 'survey_sent').map((event) => ({ view, event })));
  const answers = views.flatMap((view) => eventsOf(view, 'survey_answered').map((event) => ({ view, event })));
  const ratingsOf = (event: TimelineEntry) => event.details?.ratings as Record<string, number | undefined>;
  const answered = answers.filter(({ event }) => inPeriod(event.at));
  const sentInPeriod = sent.filter(({ event }) => inPeriod(event.at));
  const answersOfSent = sentInPeriod.filter(({ view, event }) =>
    answers.some(
      (answer) =>
        answer.view === view && Number(answer.event.details?.round ?? 1) === Number(event.details?.round ?? 1),
    ),
  );
  const satisfiedRate = ratio(
    answered.filter(({ event }) => (ratingsOf(event).overall ?? 0) >= 4).length,
    answered.length,
  );
  const dimensionAverage = (dimension: string) => {
    const rated = answered.map(({ event }) => ratingsOf(event)[dimension]).filter((value) => typeof value === 'number');
    return ratio(
      rated.reduce((sum, value) => sum + value, 0),
      rated.length,
    );
  };

  // Rounds and reopenings, escalations, breaches, revisits: each on its event's day.
  const rounds = views.flatMap((view) =>
    eventsOf(view, 'resolved')
      .filter((event) => inPeriod(event.at))
      .map((event) => {
        const next = eventsOf(view, 'reopened').find((reopen) => ms(reopen.at) > ms(event.at));
        const nextResolution = eventsOf(view, 'resolved').find((other) => ms(other.at) > ms(event.at));
        const reopenedThisRound = next && (!nextResolution || ms(next.at) < ms(nextResolution.at));
        return reopenedThisRound && ms(next.at) - ms(event.at) <= SEVEN_DAYS_MS;
      }),
  );
  const periodEvents = (type: string) =>
    views.flatMap((view) => eventsOf(view, type).filter((event) => inPeriod(event.at)));
  const escalationsByLevel = Object.fromEntries(
    ['1', '2', '3'].map((level) => [
      level,
      periodEvents('escalated').filter((event) => String(event.details?.level) === level).length,
    ]),
  );
  const revisits = periodEvents('revisit_completed');
  const recurred = revisits.filter((event) => event.details?.outcome === 'recurred').length;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const countBy = <K extends string>(items: CaseView[], key: (view: CaseView) => string, name: K) =>
    items.reduce<Record<string, Record<K, number>>>((all, view) => {
      const entry = (all[key(view)] ??= { [name]: 0 } as Record<K, number>);
      entry[name] += 1;
      return all;
    }, {});

  const byType: Record<string, { received: number; resolved: number }> = {};
  for (const view of received) (byType[view.type] ??= { received: 0, resolved: 0 }).received += 1;
  for (const view of resolvedCases) (byType[view.type] ??= { received: 0, resolved: 0 }).resolved += 1;

  return {
    start,
    end,
    casesReceived: received.length,
    casesResolved: resolvedCases.length,
    firstResponse: {
      count: firstResponses.length,
      avgMinutes: ratio(sum(firstResponses.map((one) => one.business)) / 60, firstResponses.length),
      avgCalendarMinutes: ratio(sum(firstResponses.map((one) => one.calendar)) / 60, firstResponses.length),
      withinSlaRate: ratio(firstResponses.filter((one) => one.within).length, firstResponses.length),
    },
    resolution: {
      cohortCases: cohort.length,
      cohortResolved: cohortResolved.length,
      resolutionRate: ratio(cohortResolved.length, cohort.length),
      withinSlaRate: ratio(resolutions.filter((one) => one.within).length, resolutions.length),
      avgHours: ratio(sum(resolutions.map((one) => one.business)) / 3600, resolutions.length),
      avgCalendarHours: ratio(sum(resolutions.map((one) => one.calendar)) / 3600, resolutions.length),
      medianHours: medianBinHours(resolutions.map((one) => one.business / 3600)),
    },
    csat: {
      surveysSent: sentInPeriod.length,
      responses: answered.length,
      responseRate: ratio(answersOfSent.length, sentInPeriod.length),
      avgOverall: dimensionAverage('overall'),
      satisfiedRate,
      dimensions: Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, dimensionAverage(dimension)])),
    },
    escalations: periodEvents('escalated').length,
    escalationsByLevel,
    breaches: {
      firstResponse: periodEvents('sla_breached').filter((event) => event.details?.milestone === 'firstResponse')
        .length,
      resolution: periodEvents('sla_breached').filter((event) => event.details?.milestone === 'resolution').length,
    },
    reopens: {
      resolutions: rounds.length,
      reopenedWithin7Days: rounds.filter(Boolean).length,
      reopenRate: ratio(rounds.filter(Boolean).length, rounds.length),
    },
    revisits: { completed: revisits.length, recurred, recurredRate: ratio(recurred, revisits.length) },
    byType: nonZero(byType),
    byChannel: nonZero(countBy(received, (view) => view.channel, 'received')),
    byRootCause: nonZero(
      countBy(resolvedCases, (view) => (view.resolution as { rootCause: string }).rootCause, 'resolved'),
    ),
  };
};

export type RecomputedKpis = ReturnType<typeof recomputeKpis>;

/** The same fields of a service report's period, breakdowns normalised like the recomputation's. */
export const reportedKpis = (period: Record<string, any>): RecomputedKpis => ({
  start: period.start,
  end: period.end,
  casesReceived: period.casesReceived,
  casesResolved: period.casesResolved,
  firstResponse: {
    count: period.firstResponse.count,
    avgMinutes: period.firstResponse.avgMinutes,
    avgCalendarMinutes: period.firstResponse.avgCalendarMinutes,
    withinSlaRate: period.firstResponse.withinSlaRate,
  },
  resolution: {
    cohortCases: period.resolution.cohortCases,
    cohortResolved: period.resolution.cohortResolved,
    resolutionRate: period.resolution.resolutionRate,
    withinSlaRate: period.resolution.withinSlaRate,
    avgHours: period.resolution.avgHours,
    avgCalendarHours: period.resolution.avgCalendarHours,
    medianHours: period.resolution.medianHours,
  },
  csat: {
    surveysSent: period.csat.surveysSent,
    responses: period.csat.responses,
    responseRate: period.csat.responseRate,
    avgOverall: period.csat.avgOverall,
    satisfiedRate: period.csat.satisfiedRate,
    dimensions: period.csat.dimensions,
  },
  escalations: period.escalations,
  escalationsByLevel: period.escalationsByLevel,
  breaches: period.breaches,
  reopens: period.reopens,
  revisits: period.revisits,
  byType: nonZero(period.byType),
  byChannel: nonZero(period.byChannel),
  byRootCause: nonZero(period.byRootCause),
});
