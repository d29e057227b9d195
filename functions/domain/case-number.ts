import { isoDateOfDay, localTimeOf } from './zoned-time.js';

/**
 * Human-readable case numbers, `<PREFIX>-<yyyymmdd>-<sequence>`, e.g. `AS-20261122-0001`. The day is the store's local
 * day (what its staff and customers call "today"); the sequence restarts each day and comes from the store's counter.
 */

/** Prefix: an uppercase letter, then up to 9 uppercase letters or digits. Sequence: at least 4 digits, more after 9999. */
export const CASE_NUMBER_PATTERN = /^(?<prefix>[A-Z][A-Z0-9]{0,9})-(?<day>\d{8})-(?<sequence>\d{4,})$/;

const PREFIX_PATTERN = /^[A-Z][A-Z0-9]{0,9}$/;
const DAY_PATTERN = /^\d{8}$/;

/**
 * The calendar day of `instant` in the IANA `timeZone`, as yyyymmdd. An unknown timezone throws RangeError: a
 * misconfigured store must fail loudly, not number in UTC.
 */
export const caseNumberDay = (instant: Date, timeZone: string): string =>
  isoDateOfDay(localTimeOf(instant.getTime(), timeZone).day).replaceAll('-', '');

export const formatCaseNumber = (prefix: string, day: string, sequence: number): string => {
  if (!PREFIX_PATTERN.test(prefix)) throw new RangeError(`Invalid case-number prefix: ${prefix}`);
  if (!DAY_PATTERN.test(day)) throw new RangeError(`Invalid case-number day (yyyymmdd): ${day}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`Invalid case-number sequence: ${sequence}`);
  return `${prefix}-${day}-${String(sequence).padStart(4, '0')}`;
};
