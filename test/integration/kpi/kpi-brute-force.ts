/**
 * The KPI definitions of the README ("KPIs and reports"), recomputed by brute force from cases and their timelines,
 * written apart from `functions/domain/kpi` and the SLA arithmetic (neither is imported): local days and wall-clock
 * times by `Intl.DateTimeFormat`, the business calendar as a list of open intervals built day by day, ISO weeks by
 * hand, due times by bisection on "the earliest minute by which the clock has run the target". It reads nothing the
 * counting store stamped on the events (`details.kpi`).
 *
 * Everything in the dataset is on whole minutes, so every time here is exact in milliseconds.
 */

export interface BruteCalendar {
  timezone: string;
  weekly: Partial<Record<string, Array<{ start: string; end: string }>>>;
  holidays: string[];
  makeUpDays: string[];
}

/** Targets per priority, as ISO durations: `PT<n>H` working hours, `P<n>D` working days. */
export type BruteTargets = Record<string, { firstResponse: string; resolution: string }>;

export interface BruteEvent {
  eventId: string;
  at: string;
  type: string;
  visibility: string;
  actor: { kind: string };
  from?: string;
  to?: string;
  details?: Record<string, unknown>;
}

export interface BruteCase {
  createdAt: string;
  type: string;
  channel: string;
  status: string;
  classification?: { priority: string };
  resolution?: { rootCause: string; resolvedAt: string };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Days as `YYYY-MM-DD`; their arithmetic on UTC midnights (a date, not an instant). */
const dayNumber = (day: string): number => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY;
const dayString = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

export class ZoneClock {
  private readonly parts: Intl.DateTimeFormat;
  private readonly cache = new Map<number, { day: string; minuteOfDay: number }>();

  constructor(readonly timezone: string) {
    this.parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  /** The local date and minute of the day an instant falls on. */
  wall(ms: number): { day: string; minuteOfDay: number } {
    const cached = this.cache.get(ms);
    if (cached) return cached;
    const parts = Object.fromEntries(this.parts.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
    const wall = {
      day: `${parts.year}-${parts.month}-${parts.day}`,
      minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    };
    this.cache.set(ms, wall);
    return wall;
  }

  day(instant: string | number): string {
    return this.wall(typeof instant === 'number' ? instant : Date.parse(instant)).day;
  }

  /** The instant of a local wall-clock time (one that exists: no calendar hours fall in a DST gap). */
  instant(day: string, minuteOfDay: number): number {
    const naive = dayNumber(day) * DAY + minuteOfDay * MINUTE;
    const offsetAt = (utc: number) => {
      const wall = this.wall(utc);
      return dayNumber(wall.day) * DAY + wall.minuteOfDay * MINUTE - utc;
    };
    const guess = naive - offsetAt(naive);
    return naive - offsetAt(guess);
  }
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The calendar's open intervals from `firstDay` to `lastDay`, in order, with running sums for O(log n) spans. */
export class OpenIntervals {
  readonly intervals: Array<{ day: string; start: number; end: number }> = [];
  private readonly before: number[] = [];
  readonly byDay = new Map<string, Array<{ start: number; end: number }>>();

  constructor(
    readonly calendar: BruteCalendar,
    readonly zone: ZoneClock,
    firstDay: string,
    lastDay: string,
  ) {
    let sum = 0;
    for (let n = dayNumber(firstDay); n <= dayNumber(lastDay); n += 1) {
      const day = dayString(n);
      const weekday = WEEKDAY_NAMES[new Date(n * DAY).getUTCDay()] as string;
      const firstWorkingHours =
        ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
          .map((name) => calendar.weekly[name] ?? [])
          .find((hours) => hours.length > 0) ?? [];
      const hours = calendar.holidays.includes(day)
        ? []
        : calendar.makeUpDays.includes(day)
          ? firstWorkingHours
          : (calendar.weekly[weekday] ?? []);
      const open = hours.map(({ start, end }) => ({
        start: zone.instant(day, minutesOf(start)),
        end: zone.instant(day, minutesOf(end)),
      }));
      this.byDay.set(day, open);
      for (const interval of open) {
        this.intervals.push({ day, ...interval });
        this.before.push(sum);
        sum += interval.end - interval.start;
      }
    }
  }

  /** Open time from the first interval up to `at`. */
  private upTo(at: number): number {
    let low = 0;
    let high = this.intervals.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.intervals[middle] as { start: number }).start <= at) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found === -1) return 0;
    const interval = this.intervals[found] as { start: number; end: number };
    return (this.before[found] as number) + Math.min(at, interval.end) - interval.start;
  }

  /** Open time between two instants (0 when `to` is not after `from`). */
  between(from: number, to: number): number {
    return to > from ? this.upTo(to) - this.upTo(from) : 0;
  }

  /** The first interval whose end is at or after `at` (closing included). */
  firstEndingFrom(at: number): { day: string; start: number; end: number } {
    const found = this.intervals.find((interval) => interval.end >= at);
    if (!found) throw new Error('calendar too short');
    return found;
  }
}

interface Pause {
  from: number;
  to: number;
}

/** Stretches awaiting the customer, from the status moves on the timeline (open ones run to the far future). */
const pausesOf = (events: readonly BruteEvent[]): Pause[] => {
  const pauses: Pause[] = [];
  let since: number | undefined;
  for (const event of events) {
    if (since !== undefined && event.from === 'awaiting_customer') {
      pauses.push({ from: since, to: Date.parse(event.at) });
      since = undefined;
    }
    if (since === undefined && event.to === 'awaiting_customer') since = Date.parse(event.at);
  }
  if (since !== undefined) pauses.push({ from: since, to: Number.MAX_SAFE_INTEGER });
  return pauses;
};

/** Working time from `start` to `at`, less the working time paused in between. */
const running = (open: OpenIntervals, start: number, at: number, pauses: readonly Pause[]): number =>
  open.between(start, at) -
  pauses.reduce((sum, pause) => sum + open.between(Math.max(pause.from, start), Math.min(pause.to, at)), 0);

/** The working time a target grants from `start`: hours as such; days as "N working days later, same clock time". */
const targetMs = (open: OpenIntervals, start: number, target: string): number => {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(target);
  if (!match) throw new Error(`unsupported target ${target}`);
  const days = Number(match[1] ?? 0);
  const time = (Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)) * MINUTE;
  if (days > 0 && time > 0) throw new Error(`unsupported target ${target}`);
  if (days === 0) return time;
  const first = open.firstEndingFrom(start);
  const anchor = Math.max(first.start, start);
  const clock = open.zone.wall(anchor).minuteOfDay;
  let day = first.day;
  for (let left = days; left > 0;) {
    day = dayString(dayNumber(day) + 1);
    if ((open.byDay.get(day) ?? []).length > 0) left -= 1;
  }
  const hours = open.byDay.get(day) ?? [];
  const wanted = open.zone.instant(day, clock);
  const inside = hours.find(({ end }) => wanted <= end);
  const until = inside ? Math.max(inside.start, wanted) : (hours.at(-1) as { end: number }).end;
  return open.between(start, until);
};

/** The earliest whole minute by which the clock (started at `start`, stopped in `pauses`) has run `target`. */
const dueAt = (open: OpenIntervals, start: number, target: string, pauses: readonly Pause[]): number => {
  const wanted = targetMs(open, start, target);
  let low = 0;
  let high = 400 * 24 * 60;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (running(open, start, start + middle * MINUTE, pauses) >= wanted) high = middle;
    else low = middle + 1;
  }
  return start + low * MINUTE;
};

interface Measure {
  day: string;
  businessMs: number;
  calendarMs: number;
  within: boolean;
}

export interface CaseTruth {
  receivedDay: string;
  type: string;
  channel: string;
  voidDay?: string;
  firstResponse?: Measure;
  resolution?: Measure & { rootCause: string };
  /** Each resolution (every round) and whether it was reopened within 7 days. */
  resolutions: Array<{ day: string; reopenedWithin7Days: boolean }>;
  /** +1 on the day of each resolution, -1 on the day of each reopening. */
  settles: Array<{ day: string; delta: number }>;
  surveysSent: string[];
  answers: Array<{ day: string; sentDay?: string; ratings: Record<string, number> }>;
  escalations: Array<{ day: string; level: number }>;
  breaches: Array<{ day: string; milestone: string }>;
  revisits: Array<{ day: string; recurred: boolean }>;
}

const SEVEN_DAYS = 7 * DAY;

/** One case's facts by the README's definitions. */
export const caseTruth = (
  value: BruteCase,
  timeline: readonly BruteEvent[],
  open: OpenIntervals,
  targets: BruteTargets,
): CaseTruth => {
  const zone = open.zone;
  const events = [...timeline].sort((a, b) =>
    a.at === b.at ? (a.eventId < b.eventId ? -1 : 1) : Date.parse(a.at) - Date.parse(b.at),
  );
  const dayOf = (at: string) => zone.day(at);
  const created = Date.parse(value.createdAt);
  const pauses = pausesOf(events);
  const decisions = events.filter((event) => event.type === 'decision_made');
  const approval = decisions.find((event) => event.details?.outcome === 'approved');
  const rejection = decisions.find((event) => event.details?.outcome === 'rejected');
  const cancellation = events.find((event) => event.type === 'cancelled');
  // The SLA clock starts at receipt, or at a supervisor's approval after a manual review.
  const clockStart = approval ? (approval.actor.kind === 'staff' ? Date.parse(approval.at) : created) : undefined;
  const priority = value.classification?.priority;
  const hasSla = clockStart !== undefined && priority !== undefined && value.status !== 'rejected';

  const truth: CaseTruth = {
    receivedDay: dayOf(value.createdAt),
    type: value.type,
    channel: value.channel,
    resolutions: [],
    settles: [],
    surveysSent: [],
    answers: [],
    escalations: [],
    breaches: [],
    revisits: [],
  };
  if (value.status === 'rejected' && rejection) truth.voidDay = dayOf(rejection.at);
  if (value.status === 'cancelled' && cancellation) truth.voidDay = dayOf(cancellation.at);

  const resolvedEvents = events.filter((event) => event.type === 'resolved');
  const reopenedEvents = events.filter((event) => event.type === 'reopened');
  const firstReply = events.find(
    (event) => event.type === 'reply_sent' && event.visibility === 'public' && event.actor.kind === 'staff',
  );
  const candidates = [firstReply, resolvedEvents[0]].filter((event): event is BruteEvent => event !== undefined);
  const firstResponseAt = candidates.map((event) => Date.parse(event.at)).sort((a, b) => a - b)[0];
  if (hasSla && firstResponseAt !== undefined) {
    const target = (targets[priority] as { firstResponse: string }).firstResponse;
    truth.firstResponse = {
      day: zone.day(firstResponseAt),
      businessMs: running(open, clockStart, firstResponseAt, pauses),
      calendarMs: firstResponseAt - clockStart,
      // The first response's due time does not wait for the customer (only the resolution clock stops).
      within: firstResponseAt <= dueAt(open, clockStart, target, []),
    };
  }

  for (const resolved of resolvedEvents) {
    const reopening = reopenedEvents.find((event) => Date.parse(event.at) >= Date.parse(resolved.at));
    truth.resolutions.push({
      day: dayOf(resolved.at),
      reopenedWithin7Days: reopening !== undefined && Date.parse(reopening.at) - Date.parse(resolved.at) <= SEVEN_DAYS,
    });
    truth.settles.push({ day: dayOf(resolved.at), delta: 1 });
  }
  for (const reopened of reopenedEvents) truth.settles.push({ day: dayOf(reopened.at), delta: -1 });

  const lastResolved = resolvedEvents.at(-1);
  if (hasSla && (value.status === 'resolved' || value.status === 'closed') && lastResolved && value.resolution) {
    const resolvedAt = Date.parse(lastResolved.at);
    const lastReopening = reopenedEvents.filter((event) => Date.parse(event.at) <= resolvedAt).at(-1);
    const start = lastReopening ? Date.parse(lastReopening.at) : clockStart;
    const target = (targets[priority] as { resolution: string }).resolution;
    truth.resolution = {
      day: dayOf(lastResolved.at),
      businessMs: running(open, start, resolvedAt, pauses),
      calendarMs: resolvedAt - start,
      within: resolvedAt <= dueAt(open, start, target, pauses),
      rootCause: value.resolution.rootCause,
    };
  }

  const sentByRound = new Map<number, string>();
  for (const event of events) {
    const details = event.details ?? {};
    if (event.type === 'survey_sent') {
      sentByRound.set(Number(details.round), dayOf(event.at));
      truth.surveysSent.push(dayOf(event.at));
    }
    if (event.type === 'survey_answered') {
      const sentDay = sentByRound.get(Number(details.round));
      truth.answers.push({
        day: dayOf(event.at),
        ...(sentDay ? { sentDay } : {}),
        ratings: details.ratings as Record<string, number>,
      });
    }
    if (event.type === 'escalated') truth.escalations.push({ day: dayOf(event.at), level: Number(details.level) });
    if (event.type === 'sla_breached') {
      truth.breaches.push({ day: dayOf(event.at), milestone: String(details.milestone) });
    }
    if (event.type === 'revisit_completed') {
      truth.revisits.push({ day: dayOf(event.at), recurred: details.outcome === 'recurred' });
    }
  }
  return truth;
};

// ---------------------------------------------------------------- periods

export interface BrutePeriod {
  label: string;
  start: string;
  end: string;
}

/** ISO week of a Monday: the week-year is the year of its Thursday; week 1 holds that year's first Thursday. */
const isoWeekLabel = (monday: number): string => {
  const thursday = monday + 3;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const firstJanuary = Date.UTC(year, 0, 1) / DAY;
  const week = Math.floor((thursday - firstJanuary) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

export const brutePeriods = (from: string, to: string, period: 'week' | 'month' | 'quarter'): BrutePeriod[] => {
  const periods: BrutePeriod[] = [];
  if (period === 'week') {
    let monday = dayNumber(from);
    while (new Date(monday * DAY).getUTCDay() !== 1) monday -= 1;
    for (; monday <= dayNumber(to); monday += 7) {
      periods.push({ label: isoWeekLabel(monday), start: dayString(monday), end: dayString(monday + 6) });
    }
    return periods;
  }
  const months = period === 'month' ? 1 : 3;
  let year = Number(from.slice(0, 4));
  let month = Math.floor((Number(from.slice(5, 7)) - 1) / months) * months; // 0-based first month
  for (;;) {
    const start = dayString(Date.UTC(year, month, 1) / DAY);
    if (start > to) return periods;
    const end = dayString(Date.UTC(year, month + months, 1) / DAY - 1);
    const label =
      months === 1 ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${Math.floor(month / 3) + 1}`;
    periods.push({ label, start, end });
    month += months;
    if (month >= 12) {
      month -= 12;
      year += 1;
    }
  }
};

// ---------------------------------------------------------------- figures

/** Resolution histogram bins by the README: hourly to 24 h, 4-hourly to 72 h, 4/5/6/7 days, 2 weeks, 30 days, a year. */
const BIN_UPPER_HOURS: number[] = [];
for (let hour = 1; hour <= 24; hour += 1) BIN_UPPER_HOURS.push(hour);
for (let hour = 28; hour <= 72; hour += 4) BIN_UPPER_HOURS.push(hour);
BIN_UPPER_HOURS.push(96, 120, 144, 168, 336, 720, 8760);

/** The lower median (the ceil(n/2)-th smallest), read as the upper bound of its bin (a time on a bound is in it). */
const medianHours = (businessMs: number[]): number | null => {
  if (businessMs.length === 0) return null;
  const sorted = [...businessMs].sort((a, b) => a - b);
  const hours = (sorted[Math.ceil(sorted.length / 2) - 1] as number) / 3_600_000;
  return BIN_UPPER_HOURS.find((upper) => hours <= upper) ?? 8760;
};

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const average = (values: number[]): number | null =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

export const BRUTE_TARGETS = { firstResponseMaxMinutes: 240, resolutionRateMin: 0.9, csatMin: 0.85 };

const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** The figures of one period, in the report's shape. */
export const bruteFigures = (truths: readonly CaseTruth[], period: BrutePeriod) => {
  const inside = (day: string | undefined) => day !== undefined && day >= period.start && day <= period.end;
  const received = truths.filter((truth) => inside(truth.receivedDay));
  const firstResponses = truths.flatMap((truth) =>
    inside(truth.firstResponse?.day) ? [truth.firstResponse as Measure] : [],
  );
  const resolved = truths.filter((truth) => inside(truth.resolution?.day));
  const resolutions = resolved.map((truth) => truth.resolution as Measure & { rootCause: string });
  const cohort = received.filter((truth) => !(truth.voidDay !== undefined && truth.voidDay <= period.end));
  const cohortResolved = cohort.filter(
    (truth) => truth.settles.filter(({ day }) => day <= period.end).reduce((sum, { delta }) => sum + delta, 0) > 0,
  ).length;
  const answers = truths.flatMap((truth) => truth.answers.filter(({ day }) => inside(day)));
  const sent = truths.reduce((sum, truth) => sum + truth.surveysSent.filter(inside).length, 0);
  const answersOfSent = truths.reduce(
    (sum, truth) => sum + truth.answers.filter(({ sentDay }) => inside(sentDay)).length,
    0,
  );
  const satisfied = answers.filter(({ ratings }) => (ratings.overall as number) >= 4).length;
  const rated = (dimension: string) =>
    average(answers.flatMap(({ ratings }) => (typeof ratings[dimension] === 'number' ? [ratings[dimension]] : [])));
  const escalations = truths.flatMap((truth) => truth.escalations.filter(({ day }) => inside(day)));
  const level = (n: number) => escalations.filter((escalation) => escalation.level === n).length;
  const breaches = truths.flatMap((truth) => truth.breaches.filter(({ day }) => inside(day)));
  const rounds = truths.flatMap((truth) => truth.resolutions.filter(({ day }) => inside(day)));
  const revisits = truths.flatMap((truth) => truth.revisits.filter(({ day }) => inside(day)));
  const avgFirstResponse = average(firstResponses.map(({ businessMs }) => businessMs / MINUTE));
  const resolutionRate = share(cohortResolved, cohort.length);
  const satisfiedRate = share(satisfied, answers.length);
  const receivedByType = countBy(received, ({ type }) => type);
  const resolvedByType = countBy(resolved, ({ type }) => type);
  const types = [...new Set([...Object.keys(receivedByType), ...Object.keys(resolvedByType)])].sort();
  const receivedByChannel = countBy(received, ({ channel }) => channel);
  const resolvedByRootCause = countBy(resolutions, ({ rootCause }) => rootCause);
  return {
    label: period.label,
    start: period.start,
    end: period.end,
    casesReceived: received.length,
    casesResolved: resolved.length,
    firstResponse: {
      count: firstResponses.length,
      avgMinutes: avgFirstResponse,
      avgCalendarMinutes: average(firstResponses.map(({ calendarMs }) => calendarMs / MINUTE)),
      withinSlaRate: share(firstResponses.filter(({ within }) => within).length, firstResponses.length),
      target: {
        target: BRUTE_TARGETS.firstResponseMaxMinutes,
        met: avgFirstResponse === null ? null : avgFirstResponse < BRUTE_TARGETS.firstResponseMaxMinutes,
      },
    },
    resolution: {
      cohortCases: cohort.length,
      cohortResolved,
      resolutionRate,
      withinSlaRate: share(resolutions.filter(({ within }) => within).length, resolutions.length),
      avgHours: average(resolutions.map(({ businessMs }) => businessMs / 3_600_000)),
      avgCalendarHours: average(resolutions.map(({ calendarMs }) => calendarMs / 3_600_000)),
      medianHours: medianHours(resolutions.map(({ businessMs }) => businessMs)),
      target: {
        target: BRUTE_TARGETS.resolutionRateMin,
        met: resolutionRate === null ? null : resolutionRate >= BRUTE_TARGETS.resolutionRateMin,
      },
    },
    csat: {
      surveysSent: sent,
      responses: answers.length,
      responseRate: share(answersOfSent, sent),
      avgOverall: rated('overall'),
      satisfiedRate,
      dimensions: Object.fromEntries(
        ['overall', 'attitude', 'professionalism', 'problemSolving', 'speed'].map((dimension) => [
          dimension,
          rated(dimension),
        ]),
      ),
      target: {
        target: BRUTE_TARGETS.csatMin,
        met: satisfiedRate === null ? null : satisfiedRate >= BRUTE_TARGETS.csatMin,
      },
    },
    escalations: escalations.length,
    escalationsByLevel: { '1': level(1), '2': level(2), '3': level(3) },
    breaches: {
      firstResponse: breaches.filter(({ milestone }) => milestone === 'firstResponse').length,
      resolution: breaches.filter(({ milestone }) => milestone === 'resolution').length,
    },
    reopens: {
      resolutions: rounds.length,
      reopenedWithin7Days: rounds.filter(({ reopenedWithin7Days }) => reopenedWithin7Days).length,
      reopenRate: share(rounds.filter(({ reopenedWithin7Days }) => reopenedWithin7Days).length, rounds.length),
    },
    revisits: {
      completed: revisits.length,
      recurred: revisits.filter(({ recurred }) => recurred).length,
      recurredRate: share(revisits.filter(({ recurred }) => recurred).length, revisits.length),
    },
    byType: Object.fromEntries(
      types.map((type) => [type, { received: receivedByType[type] ?? 0, resolved: resolvedByType[type] ?? 0 }]),
    ),
    byChannel: Object.fromEntries(
      Object.keys(receivedByChannel)
        .sort()
        .map((channel) => [channel, { received: receivedByChannel[channel] }]),
    ),
    byRootCause: Object.fromEntries(
      Object.keys(resolvedByRootCause)
        .sort()
        .map((rootCause) => [rootCause, { resolved: resolvedByRootCause[rootCause] }]),
    ),
  };
};

/**
 * Every place two figure trees differ: integers and booleans exactly, other numbers within 1e-9; keys absent on one
 * side count as differences. Paths like `resolution.avgHours`.
 */
export const differences = (actual: unknown, expected: unknown, path = ''): string[] => {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const exact = Number.isInteger(expected) && Number.isInteger(actual);
    return (exact ? actual === expected : Math.abs(actual - expected) <= 1e-9)
      ? []
      : [`${path}: ${actual} != ${expected}`];
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    return [...keys].flatMap((key) =>
      differences(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      ),
    );
  }
  return actual === expected ? [] : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
};
