import {
  makeUpDayHours,
  weeklyHoursOf,
  WEEKDAYS,
  type BusinessCalendar,
  type WorkingHours,
} from './business-calendar.js';
import { DAY_MS, dayOfIsoDate, instantOf, isoWeekdayIndexOf, localTimeOf } from '../zoned-time.js';

/** A stretch of working time as instants (epoch ms), on the store-local `day` it belongs to. */
export interface OpenInterval {
  day: number;
  start: number;
  end: number;
}

const CLOCK_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** `HH:MM` (00:00 to 24:00) -> milliseconds into the day, or undefined when it is not a clock time. */
export const clockTimeMs = (value: string): number | undefined => {
  const match = CLOCK_TIME.exec(value);
  if (!match) return undefined;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return (hours * 60 + minutes) * 60_000;
};

type DayRanges = ReadonlyArray<readonly [number, number]>;

/** A calendar read once: hours as millisecond ranges, dates as epoch days. */
interface Schedule {
  timezone: string;
  alwaysOpen: boolean;
  weekly: DayRanges[];
  makeUpDayRanges: DayRanges;
  holidays: ReadonlySet<number>;
  makeUpDays: ReadonlySet<number>;
  /** Days already turned into instants (the time-zone database is the costly part), kept while the calendar is. */
  days: Map<number, readonly OpenInterval[]>;
}

const rangesOf = (hours: readonly WorkingHours[]): DayRanges => {
  const ranges = hours
    .map(({ start, end }) => {
      const from = clockTimeMs(start);
      const to = clockTimeMs(end);
      if (from === undefined || to === undefined) throw new RangeError(`Not working hours: ${start}-${end}`);
      return [from, to] as const;
    })
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  // Touching or overlapping intervals count once.
  const merged: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
};

const daysOf = (dates: readonly string[] | undefined): Set<number> =>
  new Set(
    (dates ?? []).map((date) => {
      const day = dayOfIsoDate(date);
      if (day === undefined) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
      return day;
    }),
  );

// Calendars are values that are not changed once built, so each is read once per process.
const schedules = new WeakMap<BusinessCalendar, Schedule>();

const scheduleOf = (calendar: BusinessCalendar): Schedule => {
  let schedule = schedules.get(calendar);
  if (!schedule) {
    const weekly = weeklyHoursOf(calendar);
    schedule = {
      timezone: calendar.timezone,
      alwaysOpen: calendar.alwaysOpen === true,
      weekly: WEEKDAYS.map((weekday) => rangesOf(weekly[weekday] ?? [])),
      makeUpDayRanges: rangesOf(makeUpDayHours(weekly)),
      holidays: daysOf(calendar.holidays),
      makeUpDays: daysOf(calendar.makeUpDays),
      days: new Map(),
    };
    schedules.set(calendar, schedule);
  }
  return schedule;
};

const ALL_DAY: DayRanges = [[0, DAY_MS]];

const rangesOn = (schedule: Schedule, day: number): DayRanges => {
  if (schedule.alwaysOpen) return ALL_DAY;
  if (schedule.holidays.has(day)) return [];
  const weekly = schedule.weekly[isoWeekdayIndexOf(day)] ?? [];
  if (schedule.makeUpDays.has(day) && weekly.length === 0) return schedule.makeUpDayRanges;
  return weekly;
};

const MAX_KEPT_DAYS = 5_000;

/** The working time of one store-local day, as instants, in order. */
export const openIntervalsOn = (calendar: BusinessCalendar, day: number): readonly OpenInterval[] => {
  const schedule = scheduleOf(calendar);
  const kept = schedule.days.get(day);
  if (kept) return kept;
  const intervals = Object.freeze(
    rangesOn(schedule, day)
      .map(([from, to]) =>
        Object.freeze({
          day,
          start: instantOf(day, from, schedule.timezone),
          end: instantOf(day, to, schedule.timezone),
        }),
      )
      .filter(({ start, end }) => start < end),
  );
  if (schedule.days.size >= MAX_KEPT_DAYS) schedule.days.clear();
  schedule.days.set(day, intervals);
  return intervals;
};

// Offsets by timezone on a fixed grid of UTC days (every seventh), shared by every calendar and count: each grid point
// is one read of the time-zone database per process, where reading offsets anew made each count cost milliseconds.
const gridOffsets = new Map<string, number>();
const MAX_GRID_OFFSETS = 100_000;
const GRID_DAYS = 7;

const offsetAtGridDay = (timezone: string, day: number): number => {
  const key = `${timezone}|${day}`;
  let offset = gridOffsets.get(key);
  if (offset === undefined) {
    const local = localTimeOf(day * DAY_MS, timezone);
    offset = local.day * DAY_MS + local.msOfDay - day * DAY_MS;
    if (gridOffsets.size >= MAX_GRID_OFFSETS) gridOffsets.clear();
    gridOffsets.set(key, offset);
  }
  return offset;
};

/** Whether the timezone keeps one UTC offset from UTC day `from` to `to` (as seen a week apart: zones change less often). */
const steadyOffset = (timezone: string, from: number, to: number): boolean => {
  const first = Math.floor(from / GRID_DAYS) * GRID_DAYS;
  const offset = offsetAtGridDay(timezone, first);
  for (let day = first + GRID_DAYS; day < to + GRID_DAYS; day += GRID_DAYS)
    if (offsetAtGridDay(timezone, day) !== offset) return false;
  return true;
};

/** The working time of seven store-local days, counted without walking them. */
export interface WeekSpan {
  businessMs: number;
  workingDays: number;
}

/**
 * The working time of the seven local days from `day` on, by arithmetic on the wall-clock hours (holidays and make-up
 * days included, each looked up, so they count exactly), or undefined when the timezone's offset is not the same at
 * both ends: a week with a daylight-saving change is walked day by day instead, as its instants are not its hours.
 */
export const weekSpanFrom = (calendar: BusinessCalendar, day: number): WeekSpan | undefined => {
  const schedule = scheduleOf(calendar);
  // The local days lie within a day of their UTC namesakes.
  if (!steadyOffset(schedule.timezone, day - 1, day + 8)) return undefined;
  let businessMs = 0;
  let workingDays = 0;
  for (let current = day; current < day + 7; current += 1) {
    const ranges = rangesOn(schedule, current);
    if (ranges.length > 0) workingDays += 1;
    for (const [from, to] of ranges) businessMs += to - from;
  }
  return { businessMs, workingDays };
};

/** A calendar with no working time for this long has none at all (validation refuses one; this stops a loop). */
const MAX_CLOSED_DAYS = 1_100;

/** Working time from `from` on, in order: every interval ending at or after `from` (unclipped), endlessly. */
export function* openIntervalsFrom(calendar: BusinessCalendar, from: number): Generator<OpenInterval> {
  let closedDays = 0;
  for (let day = localTimeOf(from, calendar.timezone).day; ; day += 1) {
    const intervals = openIntervalsOn(calendar, day);
    closedDays = intervals.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) throw new RangeError('The calendar has no working time in three years');
    for (const interval of intervals) if (interval.end >= from) yield interval;
  }
}
