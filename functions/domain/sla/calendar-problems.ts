import type { ErrorDetail } from '../errors.js';
import { WEEKDAYS, weekdayOf, weeklyHoursOf, type BusinessCalendar, type WorkingHours } from './business-calendar.js';
import { clockTimeMs } from './opening-hours.js';
import { DAY_MS, dayOfIsoDate, isKnownTimezone } from '../zoned-time.js';

/**
 * Every problem with a calendar, each with its path (`weekly.monday.1.end`), for the API layer to report at once.
 * Shape (types) is the schema's job; this checks what a schema cannot: real timezones and dates, ordered hours that do
 * not overlap, make-up days that make sense, and a week with working time at all (else no clock would ever run).
 */
export const calendarProblems = (calendar: BusinessCalendar): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (!isKnownTimezone(calendar.timezone))
    problems.push({ path: 'timezone', message: `${calendar.timezone} is not an IANA timezone` });
  if (calendar.alwaysOpen) {
    for (const field of ['weekly', 'holidays', 'makeUpDays'] as const)
      if (calendar[field] !== undefined)
        problems.push({ path: field, message: 'must be absent when alwaysOpen is true' });
    return problems;
  }
  problems.push(...weeklyProblems(calendar), ...dateProblems(calendar));
  return problems;
};

const weeklyProblems = (calendar: BusinessCalendar): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const weekly = weeklyHoursOf(calendar);
  for (const key of Object.keys(weekly))
    if (!(WEEKDAYS as readonly string[]).includes(key))
      problems.push({ path: `weekly.${key}`, message: `is not a weekday (${WEEKDAYS.join(', ')})` });
  for (const weekday of WEEKDAYS)
    (weekly[weekday] ?? []).forEach((hours, index, all) =>
      problems.push(...hoursProblems(hours, all.slice(0, index), `weekly.${weekday}.${index}`)),
    );
  if (WEEKDAYS.every((weekday) => (weekly[weekday] ?? []).length === 0))
    problems.push({ path: 'weekly', message: 'has no working hours: no SLA clock would ever run' });
  return problems;
};

const hoursProblems = (hours: WorkingHours, earlier: WorkingHours[], path: string): ErrorDetail[] => {
  const start = clockTimeMs(hours.start);
  const end = clockTimeMs(hours.end);
  const problems: ErrorDetail[] = [];
  if (start === undefined || start === DAY_MS)
    problems.push({ path: `${path}.start`, message: 'must be a time HH:MM from 00:00 to 23:59' });
  if (end === undefined) problems.push({ path: `${path}.end`, message: 'must be a time HH:MM from 00:01 to 24:00' });
  if (problems.length > 0 || start === undefined || end === undefined) return problems;
  if (end <= start) return [{ path: `${path}.end`, message: `must be after the start (${hours.start})` }];
  const overlapped = earlier.find((other) => {
    const [otherStart, otherEnd] = [clockTimeMs(other.start), clockTimeMs(other.end)];
    return otherStart !== undefined && otherEnd !== undefined && start < otherEnd && otherStart < end;
  });
  return overlapped ? [{ path, message: `overlaps ${overlapped.start}-${overlapped.end}` }] : [];
};

const dateProblems = (calendar: BusinessCalendar): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const holidays = new Set(calendar.holidays ?? []);
  (calendar.holidays ?? []).forEach((date, index) => {
    if (dayOfIsoDate(date) === undefined)
      problems.push({ path: `holidays.${index}`, message: `${date} is not a date (YYYY-MM-DD)` });
  });
  const weekly = weeklyHoursOf(calendar);
  (calendar.makeUpDays ?? []).forEach((date, index) => {
    const path = `makeUpDays.${index}`;
    const day = dayOfIsoDate(date);
    if (day === undefined) problems.push({ path, message: `${date} is not a date (YYYY-MM-DD)` });
    else if (holidays.has(date)) problems.push({ path, message: `${date} is also a holiday` });
    else if ((weekly[weekdayOf(day)] ?? []).length > 0)
      problems.push({ path, message: `${date} is already a working day` });
  });
  return problems;
};
