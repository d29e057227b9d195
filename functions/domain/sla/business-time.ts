import type { BusinessCalendar } from './business-calendar.js';
import { openIntervalsFrom } from './opening-hours.js';

/**
 * Business-time arithmetic on a calendar: only working time counts. Amounts are seconds (millisecond precision).
 *
 * A deadline is the EARLIEST instant at which enough working time has passed: 9 hours from Friday 09:00 end at Friday
 * 18:00, not at Monday 09:00 (the same business instant, but the promise the customer reads). Counting from an instant
 * outside working hours starts at the next opening: 1 hour from Friday 18:00 ends Monday 10:00.
 */

const toMs = (seconds: number): number => Math.round(seconds * 1000);

/** The earliest instant at which `seconds` of working time have passed since `start`; `start` itself for zero. */
export const addBusinessSeconds = (calendar: BusinessCalendar, start: Date, seconds: number): Date => {
  if (!(seconds >= 0)) throw new RangeError(`Business time to add must be zero or more: ${seconds}`);
  let remaining = toMs(seconds);
  if (remaining === 0) return start;
  for (const interval of openIntervalsFrom(calendar, start.getTime())) {
    const from = Math.max(interval.start, start.getTime());
    if (remaining <= interval.end - from) return new Date(from + remaining);
    remaining -= interval.end - from;
  }
  throw new Error('unreachable: working time never ends');
};

/** Working time between two instants, in seconds; zero when `to` is not after `from`. */
export const businessSecondsBetween = (calendar: BusinessCalendar, from: Date, to: Date): number => {
  if (to <= from) return 0;
  let elapsed = 0;
  for (const interval of openIntervalsFrom(calendar, from.getTime())) {
    if (interval.start >= to.getTime()) break;
    elapsed += Math.min(interval.end, to.getTime()) - Math.max(interval.start, from.getTime());
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
