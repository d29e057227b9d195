import { isoDateOfDay, localTimeOf } from '../domain/zoned-time.js';

const MINUTE_MS = 60_000;

// An explicit offset is required: without one `Date.parse` reads the runtime's own zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/**
 * A due time as staff read it on the store's wall clock, the zone named so nobody converts in their head, e.g.
 * `2026-11-30 12:00 (Asia/Shanghai)` for 2026-11-30T04:00:00Z. Seconds are dropped (deadlines are whole minutes).
 * Throws RangeError on an unparsable instant or an unknown timezone: an escalation must not go out with a wrong time.
 */
export const formatLocalDueTime = (dueAt: string, timezone: string): string => {
  const instant = ISO_INSTANT.test(dueAt) ? Date.parse(dueAt) : Number.NaN;
  if (Number.isNaN(instant)) throw new RangeError(`Not an ISO instant: ${dueAt}`);
  const { day, msOfDay } = localTimeOf(instant, timezone);
  const minutesOfDay = Math.floor(msOfDay / MINUTE_MS);
  return `${isoDateOfDay(day)} ${twoDigits(Math.floor(minutesOfDay / 60))}:${twoDigits(minutesOfDay % 60)} (${timezone})`;
};
