import { DAY_MS, dayOfIsoDate, instantOf, isoDateOfDay, isoWeekdayIndexOf, localTimeOf } from '../zoned-time.js';
import type { ReportPeriod } from './kpi-report.js';

/**
 * Report periods on the store's calendar: a day is a store-local date (`YYYY-MM-DD`) in its reporting time zone, so a
 * day across a daylight-saving change is still one day (23 or 25 hours), and periods are whole local days: ISO weeks
 * (Monday to Sunday, labelled by ISO week-year), calendar months, calendar quarters.
 */

/** The store-local date an instant falls on. */
export const localDayOf = (instant: string | Date, timeZone: string): string =>
  isoDateOfDay(localTimeOf(new Date(instant).getTime(), timeZone).day);

export interface ReportPeriodRange {
  period: ReportPeriod;
  label: string;
  /** First and last local day, inclusive. */
  start: string;
  end: string;
}

const epochDay = (value: string): number => {
  const day = dayOfIsoDate(value);
  if (day === undefined) throw new RangeError(`Not a calendar date: ${value}`);
  return day;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const weekOf = (day: number): ReportPeriodRange => {
  const monday = day - isoWeekdayIndexOf(day);
  // The ISO week-year is the year of the week's Thursday.
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((monday + 3 - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return { period: 'week', label: `${year}-W${pad(week)}`, start: isoDateOfDay(monday), end: isoDateOfDay(monday + 6) };
};

const monthsOf = (day: number, months: 1 | 3): ReportPeriodRange => {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const first = Math.floor(date.getUTCMonth() / months) * months;
  const start = Date.UTC(year, first, 1) / DAY_MS;
  const end = Date.UTC(year, first + months, 1) / DAY_MS - 1;
  const label = months === 1 ? `${year}-${pad(first + 1)}` : `${year}-Q${first / 3 + 1}`;
  return { period: months === 1 ? 'month' : 'quarter', label, start: isoDateOfDay(start), end: isoDateOfDay(end) };
};

/** The period of `period` grain that contains the local day. */
export const periodContaining = (day: string, period: ReportPeriod): ReportPeriodRange => {
  const epoch = epochDay(day);
  if (period === 'week') return weekOf(epoch);
  return monthsOf(epoch, period === 'month' ? 1 : 3);
};

/** Every whole period that holds a day of `from`..`to` (inclusive), oldest first. */
export const periodsCovering = (from: string, to: string, period: ReportPeriod): ReportPeriodRange[] => {
  const periods: ReportPeriodRange[] = [];
  let current = periodContaining(from, period);
  while (current.start <= to) {
    periods.push(current);
    current = periodContaining(addDays(current.end, 1), period);
  }
  return periods;
};

export const addDays = (day: string, days: number): string => isoDateOfDay(epochDay(day) + days);

export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);

/** The store-local days `from`..`to` as instants: from the first day's midnight to the last millisecond of the last. */
export const instantRange = (from: string, to: string, timeZone: string): { from: string; to: string } => ({
  from: new Date(instantOf(epochDay(from), 0, timeZone)).toISOString(),
  to: new Date(instantOf(epochDay(to) + 1, 0, timeZone) - 1).toISOString(),
});
