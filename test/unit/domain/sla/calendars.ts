import { DEFAULT_CALENDAR, type BusinessCalendar } from '../../../../functions/domain/sla/business-calendar.js';

/** Calendars the SLA tests share. Instants in tables are written with their UTC offset, so no expectation relies on the code under test. */

/** An instant on a Shanghai wall clock (UTC+8 all year): `shanghai('2026-11-20T17:00')`. */
export const shanghai = (local: string): Date => new Date(`${local}+08:00`);

const weekdays = (hours: Array<{ start: string; end: string }>) => ({
  monday: hours,
  tuesday: hours,
  wednesday: hours,
  thursday: hours,
  friday: hours,
});

/** Asia/Shanghai, Monday to Friday 09:00-18:00. */
export const OFFICE = DEFAULT_CALENDAR;

/** Asia/Shanghai, Monday to Friday 09:00-12:00 and 13:00-18:00 (a lunch break). */
export const SPLIT: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekly: weekdays([
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ]),
};

/** The office week with a Chinese-style Golden Week: 1-7 October 2026 off, Sunday 27 September and Saturday 10 October worked. */
export const GOLDEN_WEEK: BusinessCalendar = {
  ...OFFICE,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpDays: ['2026-09-27', '2026-10-10'],
};

/** America/New_York, Monday to Friday 09:00-17:00 (DST: 8 March and 1 November 2026). */
export const NEW_YORK: BusinessCalendar = {
  timezone: 'America/New_York',
  weekly: weekdays([{ start: '09:00', end: '17:00' }]),
};

/** America/New_York, Sundays only, all day: the DST Sundays are 23 and 25 hours long. */
export const NEW_YORK_SUNDAYS: BusinessCalendar = {
  timezone: 'America/New_York',
  weekly: { sunday: [{ start: '00:00', end: '24:00' }] },
};

/** Asia/Shanghai, an evening shift Monday to Friday 20:00-24:00 (closing at midnight). */
export const EVENINGS: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekly: weekdays([{ start: '20:00', end: '24:00' }]),
};

/** 24x7. */
export const ALWAYS_OPEN: BusinessCalendar = { timezone: 'Asia/Shanghai', alwaysOpen: true };

export const ALWAYS_OPEN_NEW_YORK: BusinessCalendar = { timezone: 'America/New_York', alwaysOpen: true };

export const HOUR = 3_600;
