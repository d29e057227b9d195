import { durationParts, isIsoDuration } from '../duration.js';
import type { BusinessCalendar } from './business-calendar.js';
import { addBusinessSeconds, beyondHorizon, businessSecondsBetween, HORIZON_DAYS } from './business-time.js';
import { openIntervalsFrom, openIntervalsOn, weekSpanFrom, type OpenInterval } from './opening-hours.js';
import { DAY_MS, instantOf, localTimeOf } from '../zoned-time.js';

/**
 * ISO 8601 durations in business time, as SLA targets are written (`PT4H`, `P2D`, `P1DT4H`).
 *
 * - Hours, minutes and seconds count working time: `PT4H` is four working hours.
 * - A day is a WORKING DAY, as helpdesks mean "within 2 working days": N working days later at the same clock time,
 *   clamped into that day's hours (to its next opening, or its closing once past the last). Counting starts at the
 *   next opening when outside hours. Days are added first, then the time part.
 * - The answer is always the earliest instant with that much working time behind it: `P2D` from Friday 20:00 is
 *   Tuesday 18:00 (Monday and Tuesday worked), not Wednesday 09:00.
 * - Weeks are refused: five or seven working days would both be a fair reading.
 */

export const isBusinessDuration = (value: string): boolean => isIsoDuration(value) && durationParts(value).weeks === 0;

/** The working day that holds `at` (an instant in its hours, closing included), or the next opening's. */
const workingIntervalAt = (calendar: BusinessCalendar, at: number): OpenInterval => {
  const first = openIntervalsFrom(calendar, at).next();
  if (first.done) throw new Error('unreachable: working time never ends');
  return first.value;
};

/** The hours of the `count`th working day after `day` (none for 0); whole weeks are counted, not walked. */
const nthWorkingDayAfter = (calendar: BusinessCalendar, day: number, count: number): readonly OpenInterval[] => {
  let current = day;
  let left = count;
  let intervals: readonly OpenInterval[] = [];
  while (left > 0) {
    if (current - day > HORIZON_DAYS) throw beyondHorizon(`${count} working days`);
    const week = left > 7 ? weekSpanFrom(calendar, current + 1) : undefined;
    if (week && left > week.workingDays) {
      left -= week.workingDays;
      current += 7;
      continue;
    }
    current += 1;
    intervals = openIntervalsOn(calendar, current);
    if (intervals.length > 0) left -= 1;
  }
  return intervals;
};

/** The instant in `intervals` at `wanted`, or the next opening after it that day, or the day's closing when past it. */
const clampInto = (intervals: readonly OpenInterval[], wanted: number): number => {
  for (const { start, end } of intervals) if (wanted <= end) return Math.max(start, wanted);
  const last = intervals.at(-1);
  if (!last) throw new Error('unreachable: a working day has hours');
  return last.end;
};

const addWorkingDays = (calendar: BusinessCalendar, start: Date, days: number): Date => {
  const interval = workingIntervalAt(calendar, start.getTime());
  const anchor = Math.max(interval.start, start.getTime());
  // The clock time relative to the working day's own midnight, so a closing at 24:00 stays 24:00, not 00:00.
  const { msOfDay, day } = localTimeOf(anchor, calendar.timezone);
  const clock = msOfDay + (day - interval.day) * DAY_MS;
  const target = nthWorkingDayAfter(calendar, interval.day, days);
  const targetDay = target[0]?.day ?? interval.day;
  return new Date(clampInto(target, instantOf(targetDay, clock, calendar.timezone)));
};

/** The earliest instant at which `duration` of business time has passed since `start`. */
export const addBusinessDuration = (calendar: BusinessCalendar, start: Date, duration: string): Date => {
  const { weeks, days, timeSeconds } = durationParts(duration);
  if (weeks > 0) throw new RangeError(`Business durations count working days, not weeks: ${duration}`);
  if (days === 0) return addBusinessSeconds(calendar, start, timeSeconds);
  const afterDays = addBusinessSeconds(calendar, addWorkingDays(calendar, start, days), timeSeconds);
  return addBusinessSeconds(calendar, start, businessSecondsBetween(calendar, start, afterDays));
};

/** How much working time `duration` is when counted from `start` (a working day's length depends on the day). */
export const businessSecondsOf = (calendar: BusinessCalendar, start: Date, duration: string): number =>
  businessSecondsBetween(calendar, start, addBusinessDuration(calendar, start, duration));
