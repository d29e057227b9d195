/**
 * Store-local days and wall-clock times, and the instants they fall on, through `Intl.DateTimeFormat` (the runtime's
 * time-zone database): no library, right across daylight-saving changes.
 *
 * A local day is an "epoch day": whole days since 1970-01-01 on the store's calendar, so day arithmetic is integer
 * arithmetic. Instants are epoch milliseconds.
 */

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// One formatter per timezone: building Intl formatters is the expensive part.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError on an unknown timezone: a misconfigured calendar must fail loudly, not count in UTC.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const isKnownTimezone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The wall-clock reading at `instant` in `timeZone` as the time-zone database gives it, as if it were UTC (epoch ms). */
const readWallClock = (instant: number, timeZone: string): number => {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value);
  const wholeSeconds = Date.UTC(
    fields.year ?? 0,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wholeSeconds + (((instant % 1000) + 1000) % 1000);
};

const HOUR_MS = 3_600_000;
const MAX_KEPT_HOURS = 50_000;

// UTC offsets at whole UTC hours, by timezone, each read once per process: reading the database (`formatToParts`) was
// most of the cost of counting a case's KPIs and of every business-time count, and an offset changes a few times a year.
const hourOffsets = new Map<string, Map<number, number>>();

const offsetAtHour = (timeZone: string, hour: number): number => {
  let offsets = hourOffsets.get(timeZone);
  if (!offsets) hourOffsets.set(timeZone, (offsets = new Map<number, number>()));
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = readWallClock(hour * HOUR_MS, timeZone) - hour * HOUR_MS;
    if (offsets.size >= MAX_KEPT_HOURS) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
};

/**
 * The wall-clock reading at `instant` in `timeZone`, expressed as if that reading were UTC (epoch ms). Within a UTC
 * hour whose two ends have the same offset, that offset holds throughout (no zone changes its offset twice within an
 * hour); an hour with a change is read from the database at the instant itself.
 */
const wallClockOf = (instant: number, timeZone: string): number => {
  const hour = Math.floor(instant / HOUR_MS);
  const offset = offsetAtHour(timeZone, hour);
  return offset === offsetAtHour(timeZone, hour + 1) ? instant + offset : readWallClock(instant, timeZone);
};

const utcOffsetAt = (instant: number, timeZone: string): number => wallClockOf(instant, timeZone) - instant;

/** The store-local day an instant falls on, and how far into that day its wall clock reads. */
export const localTimeOf = (instant: number, timeZone: string): { day: number; msOfDay: number } => {
  const wallClock = wallClockOf(instant, timeZone);
  const day = Math.floor(wallClock / DAY_MS);
  return { day, msOfDay: wallClock - day * DAY_MS };
};

/**
 * The instant the wall clock in `timeZone` reads `msOfDay` into local `day` (`msOfDay` may be a whole day: midnight
 * after). A reading that occurs twice (clocks set back) is its earlier instant; one that never occurs (clocks set
 * forward) is moved forward by the gap, 02:30 becoming 03:30: Temporal's `compatible` disambiguation.
 */
export const instantOf = (day: number, msOfDay: number, timeZone: string): number => {
  const wallClock = day * DAY_MS + msOfDay;
  // Time zones change offset at most once within two days, so the offsets a day before and after are the candidates.
  const offsetBefore = utcOffsetAt(wallClock - DAY_MS, timeZone);
  const offsetAfter = utcOffsetAt(wallClock + DAY_MS, timeZone);
  const earlier = wallClock - offsetBefore;
  if (offsetBefore === offsetAfter || wallClockOf(earlier, timeZone) === wallClock) return earlier;
  const later = wallClock - offsetAfter;
  if (wallClockOf(later, timeZone) === wallClock) return later;
  // In the gap: read with the offset before the change, which lands as far past the gap's end as the reading is past its start.
  return earlier;
};

/** `YYYY-MM-DD` -> epoch day, or undefined for anything that is not a real calendar date (2027-02-29 is not). */
export const dayOfIsoDate = (value: string): number | undefined => {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() / DAY_MS;
};

export const isoDateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Monday ... 6 = Sunday (ISO 8601 order). 1970-01-01, epoch day 0, was a Thursday. */
export const isoWeekdayIndexOf = (day: number): number => (((day + 3) % 7) + 7) % 7;
