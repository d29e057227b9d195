import { isoWeekdayIndexOf } from '../zoned-time.js';

/**
 * A store's business calendar: when its team works, so SLA clocks count only working time. The shape is the
 * `calendar` of `GET|PUT /v1/admin/sla`.
 *
 * - `weekly`: working hours per weekday, several intervals a day (`09:00-12:00` and `13:00-18:00`); a weekday not
 *   listed is closed. Absent: the default week, Monday to Friday 09:00-18:00.
 * - `holidays`: local dates (`YYYY-MM-DD`) closed all day, whatever the weekday.
 * - `makeUpDays`: local dates normally closed that are worked, as Chinese holiday schedules move a weekend day to a
 *   working day (调休). A make-up day works the hours of the week's first working day (Monday's in the default week),
 *   since it stands in for a regular working day (the official notices give a date to work, no hours).
 * - `alwaysOpen`: 24x7; then business time is elapsed time and the other fields must be absent.
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekday of a store-local epoch day. */
export const weekdayOf = (day: number): Weekday => WEEKDAYS[isoWeekdayIndexOf(day)] ?? 'monday'; // the index is 0..6

/** Store-local wall-clock `HH:MM`, from `start` (inclusive) to `end`; `end` may be `24:00`, the midnight after. */
export interface WorkingHours {
  start: string;
  end: string;
}

export type WeeklyHours = Partial<Record<Weekday, WorkingHours[]>>;

export interface BusinessCalendar {
  /** IANA timezone the hours and dates are read in, e.g. `Asia/Shanghai`. */
  timezone: string;
  alwaysOpen?: boolean;
  weekly?: WeeklyHours;
  holidays?: string[];
  makeUpDays?: string[];
}

const OFFICE_HOURS: WorkingHours[] = [{ start: '09:00', end: '18:00' }];

export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  monday: OFFICE_HOURS,
  tuesday: OFFICE_HOURS,
  wednesday: OFFICE_HOURS,
  thursday: OFFICE_HOURS,
  friday: OFFICE_HOURS,
};

export const DEFAULT_CALENDAR: BusinessCalendar = { timezone: 'Asia/Shanghai', weekly: DEFAULT_WEEKLY_HOURS };

export const weeklyHoursOf = (calendar: BusinessCalendar): WeeklyHours => calendar.weekly ?? DEFAULT_WEEKLY_HOURS;

/** The hours a make-up day works: those of the first weekday, Monday to Sunday, that has any. */
export const makeUpDayHours = (weekly: WeeklyHours): WorkingHours[] =>
  WEEKDAYS.map((weekday) => weekly[weekday] ?? []).find((hours) => hours.length > 0) ?? [];
