import { BusinessTimeHorizonError } from '../errors.js';
import { localTimeOf } from '../zoned-time.js';
import type { BusinessCalendar } from './business-calendar.js';
import { openIntervalsFrom, openIntervalsOn, weekSpanFrom } from './opening-hours.js';

/**
 * Business-time arithmetic on a calendar: only working time counts. Amounts are seconds (millisecond precision).
 *
 * A deadline is the EARLIEST instant at which enough working time has passed: 9 hours from Friday 09:00 end at Friday
 * 18:00, not at Monday 09:00 (the same business instant, but the promise the customer reads). Counting from an instant
 * outside working hours starts at the next opening: 1 hour from Friday 18:00 ends Monday 10:00.
 *
 * Cost is bounded whatever the input: whole weeks are skipped by arithmetic (`weekSpanFrom`), so only the first and
 * last days and weeks with a daylight-saving change are walked, and nothing is counted past `HORIZON_DAYS` of calendar
 * time: a longer count is a `BusinessTimeHorizonError` (configuration holds at most P366D; only a value stored before
 * the bounds, or a calendar with almost no working time, gets there).
 */

/** Two years of calendar time: the furthest any deadline, escalation or revisit is counted. */
export const HORIZON_DAYS = 731;

const toMs = (seconds: number): number => Math.round(seconds * 1000);

export const beyondHorizon = (what: string): BusinessTimeHorizonError =>
  new BusinessTimeHorizonError(
    `${what} do not end within two years on this calendar: the SLA policy must be corrected`,
  );

/** The earliest instant at which `seconds` of working time have passed since `start`; `start` itself for zero. */
export const addBusinessSeconds = (calendar: BusinessCalendar, start: Date, seconds: number): Date => {
  if (!(seconds >= 0)) throw new RangeError(`Business time to add must be zero or more: ${seconds}`);
  // Business time never outruns elapsed time (a day's slack for a daylight-saving change).
  if (seconds > (HORIZON_DAYS - 1) * 86_400) throw beyondHorizon(`${seconds} s of business time`);
  let remaining = toMs(seconds);
  if (remaining === 0) return start;
  const from = start.getTime();
  const firstDay = localTimeOf(from, calendar.timezone).day;
  for (let day = firstDay; day <= firstDay + HORIZON_DAYS;) {
    const week = day > firstDay ? weekSpanFrom(calendar, day) : undefined;
    if (week && remaining > week.businessMs) {
      remaining -= week.businessMs;
      day += 7;
      continue;
    }
    for (const interval of openIntervalsOn(calendar, day)) {
      if (interval.end <= from) continue;
      const opensAt = Math.max(interval.start, from);
      if (remaining <= interval.end - opensAt) return new Date(opensAt + remaining);
      remaining -= interval.end - opensAt;
    }
    day += 1;
  }
  throw beyondHorizon(`${seconds} s of business time`);
};

/** Working time between two instants, in seconds; zero when `to` is not after `from`. */
export const businessSecondsBetween = (calendar: BusinessCalendar, from: Date, to: Date): number => {
  if (to <= from) return 0;
  const [fromMs, untilMs] = [from.getTime(), to.getTime()];
  const firstDay = localTimeOf(fromMs, calendar.timezone).day;
  const lastDay = localTimeOf(untilMs, calendar.timezone).day;
  let elapsed = 0;
  for (let day = firstDay; day <= lastDay;) {
    // A week wholly after `from`'s day and before `to`'s lies wholly between them.
    const week = day > firstDay && day + 7 <= lastDay ? weekSpanFrom(calendar, day) : undefined;
    if (week) {
      elapsed += week.businessMs;
      day += 7;
      continue;
    }
    for (const interval of openIntervalsOn(calendar, day)) {
      const overlap = Math.min(interval.end, untilMs) - Math.max(interval.start, fromMs);
      if (overlap > 0) elapsed += overlap;
    }
    day += 1;
  }
  return elapsed / 1000;
};

/** `at` itself when the store is working then, else the next opening (a closing instant is not open: 18:00 is closed). */
export const nextOpening = (calendar: BusinessCalendar, at: Date): Date => {
  for (const interval of openIntervalsFrom(calendar, at.getTime())) {
    if (interval.end > at.getTime()) return new Date(Math.max(interval.start, at.getTime()));
  }
  throw new Error('unreachable: working time never ends');
};
