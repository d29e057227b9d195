import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../../functions/domain/sla/business-calendar.js';
import {
  addBusinessDuration,
  businessSecondsOf,
  isBusinessDuration,
} from '../../../../functions/domain/sla/business-duration.js';
import {
  ALWAYS_OPEN,
  ALWAYS_OPEN_NEW_YORK,
  EVENINGS,
  GOLDEN_WEEK,
  HOUR,
  NEW_YORK,
  OFFICE,
  SPLIT,
  shanghai,
} from './calendars.js';

const weekdays = (hours: Array<{ start: string; end: string }>, friday: Array<{ start: string; end: string }>) => ({
  monday: hours,
  tuesday: hours,
  wednesday: hours,
  thursday: hours,
  friday,
});
const SHORT_FRIDAY: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekly: weekdays([{ start: '09:00', end: '18:00' }], [{ start: '09:00', end: '15:00' }]),
};
const LATE_FRIDAY: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekly: weekdays([{ start: '09:00', end: '18:00' }], [{ start: '13:00', end: '18:00' }]),
};
const LEAP_DAY_OFF: BusinessCalendar = { ...OFFICE, holidays: ['2028-02-29'] };

describe('Function: addBusinessDuration', () => {
  it.each<[string, BusinessCalendar, Date, string, Date]>([
    [
      'PT4H from Friday 17:00 -> Monday 12:00 (acceptance)',
      OFFICE,
      shanghai('2026-11-20T17:00'),
      'PT4H',
      shanghai('2026-11-23T12:00'),
    ],
    [
      'P2D from Tuesday 11:00 -> Thursday 11:00',
      OFFICE,
      shanghai('2026-11-24T11:00'),
      'P2D',
      shanghai('2026-11-26T11:00'),
    ],
    [
      'P2D from Friday 17:00 -> Tuesday 17:00',
      OFFICE,
      shanghai('2026-11-20T17:00'),
      'P2D',
      shanghai('2026-11-24T17:00'),
    ],
    [
      'P2D from Friday 20:00 -> Tuesday 18:00 (Monday and Tuesday worked)',
      OFFICE,
      shanghai('2026-11-20T20:00'),
      'P2D',
      shanghai('2026-11-24T18:00'),
    ],
    ['P1D from opening -> that closing', OFFICE, shanghai('2026-11-23T09:00'), 'P1D', shanghai('2026-11-23T18:00')],
    [
      'P1D from before opening -> that closing',
      OFFICE,
      shanghai('2026-11-23T08:00'),
      'P1D',
      shanghai('2026-11-23T18:00'),
    ],
    ['P1D from closing -> the next closing', OFFICE, shanghai('2026-11-23T18:00'), 'P1D', shanghai('2026-11-24T18:00')],
    [
      'P1DT4H: days first, then working hours',
      OFFICE,
      shanghai('2026-11-26T10:00'),
      'P1DT4H',
      shanghai('2026-11-27T14:00'),
    ],
    ['P1DT4H over a weekend', OFFICE, shanghai('2026-11-27T16:00'), 'P1DT4H', shanghai('2026-12-01T11:00')],
    ['P5D is a working week', OFFICE, shanghai('2026-11-25T15:00'), 'P5D', shanghai('2026-12-02T15:00')],
    ['PT0S is the start itself', OFFICE, shanghai('2026-11-21T10:00'), 'PT0S', shanghai('2026-11-21T10:00')],
    ['P0D is the start itself', OFFICE, shanghai('2026-11-23T10:00'), 'P0D', shanghai('2026-11-23T10:00')],
    ['P1D over lunch', SPLIT, shanghai('2026-11-23T10:00'), 'P1D', shanghai('2026-11-24T10:00')],
    [
      'P1D from lunch: 13:00 the next day, which is 12:00 in working time',
      SPLIT,
      shanghai('2026-11-23T12:30'),
      'P1D',
      shanghai('2026-11-24T12:00'),
    ],
    [
      "P1D clamped to a short day's closing",
      SHORT_FRIDAY,
      shanghai('2026-11-26T16:00'),
      'P1D',
      shanghai('2026-11-27T15:00'),
    ],
    [
      'P1D clamped to a late opening (= the closing before)',
      LATE_FRIDAY,
      shanghai('2026-11-26T10:00'),
      'P1D',
      shanghai('2026-11-26T18:00'),
    ],
    ['P1D clamped inside a late day', LATE_FRIDAY, shanghai('2026-11-26T14:00'), 'P1D', shanghai('2026-11-27T14:00')],
    [
      'P1D into Golden Week -> the day after it',
      GOLDEN_WEEK,
      shanghai('2026-09-30T10:00'),
      'P1D',
      shanghai('2026-10-08T10:00'),
    ],
    ['P2D over Golden Week', GOLDEN_WEEK, shanghai('2026-09-30T10:00'), 'P2D', shanghai('2026-10-09T10:00')],
    ['P1D onto a make-up Saturday', GOLDEN_WEEK, shanghai('2026-10-09T10:00'), 'P1D', shanghai('2026-10-10T10:00')],
    ['P1D onto a make-up Sunday', GOLDEN_WEEK, shanghai('2026-09-25T10:00'), 'P1D', shanghai('2026-09-27T10:00')],
    ['P1D onto the leap day', OFFICE, shanghai('2028-02-28T10:00'), 'P1D', shanghai('2028-02-29T10:00')],
    [
      'P1D over the leap day as a holiday',
      LEAP_DAY_OFF,
      shanghai('2028-02-28T10:00'),
      'P1D',
      shanghai('2028-03-01T10:00'),
    ],
    [
      'P1D across the DST change keeps the clock time',
      NEW_YORK,
      new Date('2026-03-06T10:00-05:00'),
      'P1D',
      new Date('2026-03-09T10:00-04:00'),
    ],
    [
      'PT3H across the DST change',
      NEW_YORK,
      new Date('2026-10-30T15:00-04:00'),
      'PT3H',
      new Date('2026-11-02T10:00-05:00'),
    ],
    [
      'P1D from a midnight closing -> the next midnight',
      EVENINGS,
      shanghai('2026-11-24T00:00'),
      'P1D',
      shanghai('2026-11-25T00:00'),
    ],
    ['24x7: PT5S', ALWAYS_OPEN, shanghai('2026-11-21T03:00'), 'PT5S', shanghai('2026-11-21T03:00:05')],
    [
      '24x7: P1D is the same time the next day',
      ALWAYS_OPEN,
      shanghai('2026-11-21T03:00'),
      'P1D',
      shanghai('2026-11-22T03:00'),
    ],
    [
      '24x7: P1D over a 23-hour day keeps the clock time',
      ALWAYS_OPEN_NEW_YORK,
      new Date('2026-03-07T12:00-05:00'),
      'P1D',
      new Date('2026-03-08T12:00-04:00'),
    ],
  ])('adds %s', (_label, calendar, start, duration, expected) => {
    // Act
    const due = addBusinessDuration(calendar, start, duration);

    // Assess
    expect(due.toISOString()).toBe(expected.toISOString());
  });

  it.each(['P1W', 'P1WT1H', 'PT', '4h'])('refuses %j', (duration) => {
    expect(() => addBusinessDuration(OFFICE, shanghai('2026-11-23T10:00'), duration)).toThrow(RangeError);
  });
});

describe('Function: businessSecondsOf', () => {
  it.each<[string, BusinessCalendar, Date, string, number]>([
    ['PT4H is 4 hours anywhere', OFFICE, shanghai('2026-11-21T10:00'), 'PT4H', 4 * HOUR],
    ['P1D from opening is a working day', OFFICE, shanghai('2026-11-23T09:00'), 'P1D', 9 * HOUR],
    ['P2D from Friday 17:00', OFFICE, shanghai('2026-11-20T17:00'), 'P2D', 18 * HOUR],
    ['P1D with lunch', SPLIT, shanghai('2026-11-23T10:00'), 'P1D', 8 * HOUR],
    ['P1D before a short day', SHORT_FRIDAY, shanghai('2026-11-26T16:00'), 'P1D', 8 * HOUR],
    ['24x7 P1D over a 23-hour day', ALWAYS_OPEN_NEW_YORK, new Date('2026-03-07T12:00-05:00'), 'P1D', 23 * HOUR],
  ])('makes %s', (_label, calendar, start, duration, expected) => {
    expect(businessSecondsOf(calendar, start, duration)).toBe(expected);
  });
});

describe('Function: isBusinessDuration', () => {
  it.each([
    ['PT4H', true],
    ['P2D', true],
    ['P1DT4H', true],
    ['PT0S', true],
    ['P1W', false],
    ['P1M', false],
    ['4 hours', false],
  ])('accepts %j: %s', (value, accepted) => {
    expect(isBusinessDuration(value)).toBe(accepted);
  });
});
