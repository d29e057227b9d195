import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_DURATION_SECONDS } from '../../../../functions/domain/duration.js';
import { BusinessTimeHorizonError } from '../../../../functions/domain/errors.js';
import type { BusinessCalendar, WorkingHours } from '../../../../functions/domain/sla/business-calendar.js';
import { WEEKDAYS } from '../../../../functions/domain/sla/business-calendar.js';
import { addBusinessDuration } from '../../../../functions/domain/sla/business-duration.js';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  HORIZON_DAYS,
} from '../../../../functions/domain/sla/business-time.js';
import { calendarProblems } from '../../../../functions/domain/sla/calendar-problems.js';
import { openIntervalsFrom, openIntervalsOn } from '../../../../functions/domain/sla/opening-hours.js';
import { DAY_MS, instantOf, localTimeOf } from '../../../../functions/domain/zoned-time.js';

/**
 * Business-time arithmetic costs a bounded amount of work whatever the calendar and the duration (a slow walk of years
 * of days held a whole process at 100 % CPU), and the fast path (whole weeks counted, not walked) gives exactly what a
 * plain day-by-day walk gives. The work is counted, not timed: the days and weeks the arithmetic looks at
 * (`openIntervalsOn`, `weekSpanFrom`, and each interval `openIntervalsFrom` yields), which is the same on any machine.
 */
const looked = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../functions/domain/sla/opening-hours.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../functions/domain/sla/opening-hours.js')>();
  return {
    ...actual,
    openIntervalsOn: (...args: Parameters<typeof actual.openIntervalsOn>) => {
      looked.count += 1;
      return actual.openIntervalsOn(...args);
    },
    weekSpanFrom: (...args: Parameters<typeof actual.weekSpanFrom>) => {
      looked.count += 1;
      return actual.weekSpanFrom(...args);
    },
    openIntervalsFrom: function* (...args: Parameters<typeof actual.openIntervalsFrom>) {
      for (const interval of actual.openIntervalsFrom(...args)) {
        looked.count += 1;
        yield interval;
      }
    },
  };
});

/**
 * The most days and weeks one count may look at: two years of whole weeks (105), the days of the first and last weeks,
 * and the days of the weeks around a daylight-saving change (walked one by one): about 220 at most. Walking the two
 * years day by day, as before the fast path, looks at 731 days in one count. `addBusinessDuration` makes four counts
 * (the working days, then three of seconds).
 */
const LOOKS_PER_COUNT = 300;
const LOOKS_PER_DURATION = 4 * LOOKS_PER_COUNT;

// Daylight-saving zones (a 30-minute change on Lord Howe), one without, UTC.
const TIMEZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC'];

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 0 to 3 ordered, non-overlapping intervals a day, on a 5-minute grid (24:00 allowed as an end). */
const dayHours: fc.Arbitrary<WorkingHours[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 0, maxLength: 6 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const hours: WorkingHours[] = [];
    for (let index = 0; index + 1 < sorted.length; index += 2)
      hours.push({ start: clock((sorted[index] as number) * 5), end: clock((sorted[index + 1] as number) * 5) });
    return hours;
  });

const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const FIRST_DAY = Date.parse('2026-01-01T00:00:00Z') / DAY_MS;
const dates = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: FIRST_DAY - 30, max: FIRST_DAY + 3 * 366 }), { maxLength: max })
    .map((days) => days.map(isoDate));

/** Any calendar `PUT /v1/admin/sla` accepts: 24x7, or weekly hours with holidays and make-up days. */
const calendars: fc.Arbitrary<BusinessCalendar> = fc
  .oneof(
    { weight: 1, arbitrary: fc.constantFrom(...TIMEZONES).map((timezone) => ({ timezone, alwaysOpen: true })) },
    {
      weight: 6,
      arbitrary: fc
        .record({
          timezone: fc.constantFrom(...TIMEZONES),
          weekly: fc.tuple(...WEEKDAYS.map(() => dayHours)),
          holidays: dates(120),
          makeUpDays: dates(10),
        })
        .map(({ timezone, weekly, holidays, makeUpDays }) => {
          const calendar: BusinessCalendar = {
            timezone,
            weekly: Object.fromEntries(WEEKDAYS.map((weekday, index) => [weekday, weekly[index] ?? []])),
            holidays,
          };
          // Only the make-up days the validation keeps (closed weekdays that are not holidays).
          const kept = makeUpDays.filter((date) => calendarProblems({ ...calendar, makeUpDays: [date] }).length === 0);
          return kept.length > 0 ? { ...calendar, makeUpDays: kept } : calendar;
        }),
    },
  )
  .filter((calendar) => calendarProblems(calendar).length === 0);

const instants = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z') / 1000, max: Date.parse('2029-01-01T00:00:00Z') / 1000 })
  .map((seconds) => new Date(seconds * 1000));

/** Every business duration the bounds allow: working days and whole seconds, up to P366D in all. */
const durations = fc
  .tuple(fc.integer({ min: 0, max: 366 }), fc.integer({ min: 0, max: MAX_DURATION_SECONDS }))
  .filter(([days, seconds]) => days * 86_400 + seconds >= 1 && days * 86_400 + seconds <= MAX_DURATION_SECONDS)
  .map(([days, seconds]) => `P${days}DT${seconds}S`);

/** How many days and weeks `work` looks at; a `BusinessTimeHorizonError` (a refusal) counts as an answer. */
const looksOf = (work: () => unknown): number => {
  looked.count = 0;
  try {
    work();
  } catch (error) {
    if (!(error instanceof BusinessTimeHorizonError)) throw error;
  }
  return looked.count;
};

describe('Function: addBusinessDuration, addBusinessSeconds, businessSecondsBetween (cost)', () => {
  it('answers (or refuses past the horizon) within its budget of days and weeks for any valid calendar and duration', () => {
    let most = 0;
    fc.assert(
      fc.property(calendars, instants, durations, fc.integer({ min: 0, max: MAX_DURATION_SECONDS }), (...input) => {
        const [calendar, start, duration, seconds] = input;
        const looks = {
          duration: looksOf(() => addBusinessDuration(calendar, start, duration)),
          seconds: looksOf(() => addBusinessSeconds(calendar, start, seconds)),
          between: looksOf(() => businessSecondsBetween(calendar, start, new Date(start.getTime() + 2 * 366 * DAY_MS))),
        };
        most = Math.max(most, looks.seconds, looks.between);
        expect(looks.duration).toBeLessThanOrEqual(LOOKS_PER_DURATION);
        expect(Math.max(looks.seconds, looks.between)).toBeLessThanOrEqual(LOOKS_PER_COUNT);
      }),
      { numRuns: 300 },
    );
    expect(most).toBeLessThanOrEqual(LOOKS_PER_COUNT);
  });

  it('refuses a duration that cannot end within two years with a typed error, at once', () => {
    const calendar: BusinessCalendar = {
      timezone: 'Asia/Shanghai',
      weekly: { monday: [{ start: '09:00', end: '10:00' }] },
    };
    const start = new Date('2026-03-02T01:00:00Z');
    for (const call of [
      () => addBusinessDuration(calendar, start, 'PT99999999999999999999H'),
      () => addBusinessDuration(calendar, start, 'P10000D'),
      () => addBusinessDuration(calendar, start, 'PT8784H'),
      () => addBusinessSeconds(calendar, start, 3.6e23),
    ]) {
      expect(looksOf(call)).toBeLessThanOrEqual(LOOKS_PER_DURATION);
      expect(call).toThrow(BusinessTimeHorizonError);
    }
  });

  it('would exceed the budget walking two years day by day, as before the fast path (the budget can fail)', () => {
    const calendar: BusinessCalendar = {
      timezone: 'UTC',
      weekly: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [{ start: '09:00', end: '10:00' }]])),
    };
    const start = new Date('2026-01-01T00:00:00Z');
    expect(
      looksOf(() => walkSecondsBetween(calendar, start, new Date(start.getTime() + 2 * 366 * DAY_MS))),
    ).toBeGreaterThan(LOOKS_PER_COUNT);
  });
});

/* The plain walks the fast path must agree with: one store-local day after the other. */
const walkAddSeconds = (calendar: BusinessCalendar, start: Date, seconds: number): Date => {
  let remaining = Math.round(seconds * 1000);
  if (remaining === 0) return start;
  for (const interval of openIntervalsFrom(calendar, start.getTime())) {
    const from = Math.max(interval.start, start.getTime());
    if (remaining <= interval.end - from) return new Date(from + remaining);
    remaining -= interval.end - from;
  }
  throw new Error('unreachable');
};

const walkSecondsBetween = (calendar: BusinessCalendar, from: Date, to: Date): number => {
  if (to <= from) return 0;
  let elapsed = 0;
  for (const interval of openIntervalsFrom(calendar, from.getTime())) {
    if (interval.start >= to.getTime()) break;
    elapsed += Math.min(interval.end, to.getTime()) - Math.max(interval.start, from.getTime());
  }
  return elapsed / 1000;
};

/** `P{days}DT{seconds}S` as business-duration.ts defines it, its working days walked one day after the other. */
const walkAddDuration = (calendar: BusinessCalendar, start: Date, days: number, seconds: number): Date => {
  const first = openIntervalsFrom(calendar, start.getTime()).next().value as { day: number; start: number };
  const anchor = Math.max(first.start, start.getTime());
  const local = localTimeOf(anchor, calendar.timezone);
  const clockTime = local.msOfDay + (local.day - first.day) * DAY_MS;
  let day = first.day;
  for (let left = days; left > 0;) {
    day += 1;
    if (openIntervalsOn(calendar, day).length > 0) left -= 1;
  }
  const wanted = instantOf(day, clockTime, calendar.timezone);
  const hours = openIntervalsOn(calendar, day);
  const opening = hours.find(({ end }) => wanted <= end);
  const dayDue = opening ? Math.max(opening.start, wanted) : (hours.at(-1) as { end: number }).end;
  const afterDays = walkAddSeconds(calendar, days === 0 ? start : new Date(dayDue), seconds);
  return walkAddSeconds(calendar, start, walkSecondsBetween(calendar, start, afterDays));
};

/** What the walk finds within a week short of the horizon: the business time, and the working days after the first. */
const withinHorizon = (calendar: BusinessCalendar, start: Date) => {
  const end = new Date(start.getTime() + (HORIZON_DAYS - 8) * DAY_MS);
  const firstDay = localTimeOf(start.getTime(), calendar.timezone).day;
  const lastDay = localTimeOf(end.getTime(), calendar.timezone).day;
  let workingDays = 0;
  for (let day = firstDay + 1; day < lastDay; day += 1) if (openIntervalsOn(calendar, day).length > 0) workingDays += 1;
  return { seconds: walkSecondsBetween(calendar, start, end), workingDays };
};

/** The fast answer equals the walk's; or it is refused past the horizon, and the walk confirms it ends beyond. */
const expectSameOrBeyond = (
  fast: () => Date,
  walk: () => Date,
  beyond: (within: { seconds: number; workingDays: number }) => boolean,
  calendar: BusinessCalendar,
  start: Date,
): void => {
  let answer: Date;
  try {
    answer = fast();
  } catch (error) {
    if (!(error instanceof BusinessTimeHorizonError)) throw error;
    expect(beyond(withinHorizon(calendar, start))).toBe(true);
    return;
  }
  expect(answer.toISOString()).toBe(walk().toISOString());
};

describe('Function: business time, fast path (properties)', () => {
  const small = fc.integer({ min: 0, max: 40 * 86_400 });

  it('adds seconds as the day-by-day walk does', () => {
    fc.assert(
      fc.property(calendars, instants, small, (calendar, start, seconds) => {
        expectSameOrBeyond(
          () => addBusinessSeconds(calendar, start, seconds),
          () => walkAddSeconds(calendar, start, seconds),
          (within) => within.seconds < seconds,
          calendar,
          start,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('measures business time as the day-by-day walk does', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 120 * 86_400 }), (calendar, from, span) => {
        const to = new Date(from.getTime() + span * 1000);
        expect(businessSecondsBetween(calendar, from, to)).toBe(walkSecondsBetween(calendar, from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('adds working days and time as the day-by-day walk does', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 40 }), small, (calendar, start, days, seconds) => {
        fc.pre(days + seconds > 0);
        expectSameOrBeyond(
          () => addBusinessDuration(calendar, start, `P${days}DT${seconds}S`),
          () => walkAddDuration(calendar, start, days, seconds),
          // Each part may fit on its own and not both: then the walk (bounded by the parts) must end beyond.
          (within) =>
            within.seconds < seconds ||
            within.workingDays < days ||
            walkAddDuration(calendar, start, days, seconds).getTime() - start.getTime() > (HORIZON_DAYS - 8) * DAY_MS,
          calendar,
          start,
        );
      }),
      { numRuns: 300 },
    );
  });
});
