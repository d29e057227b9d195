import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../../functions/domain/sla/business-calendar.js';
import { BusinessTimeHorizonError } from '../../../../functions/domain/errors.js';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  nextOpening,
} from '../../../../functions/domain/sla/business-time.js';
import {
  ALWAYS_OPEN,
  EVENINGS,
  GOLDEN_WEEK,
  HOUR,
  NEW_YORK,
  NEW_YORK_SUNDAYS,
  OFFICE,
  SPLIT,
  shanghai,
} from './calendars.js';

const LEAP_DAY_OFF: BusinessCalendar = { ...OFFICE, holidays: ['2028-02-29'] };

describe('Function: addBusinessSeconds', () => {
  it.each<[string, BusinessCalendar, Date, number, Date]>([
    // 2026-11-20 is a Friday, 2026-11-23 a Monday.
    [
      'Friday 17:00 + 4 h -> Monday 12:00 (the acceptance example)',
      OFFICE,
      shanghai('2026-11-20T17:00'),
      4 * HOUR,
      shanghai('2026-11-23T12:00'),
    ],
    ['within a day', OFFICE, shanghai('2026-11-23T10:00'), 2 * HOUR, shanghai('2026-11-23T12:00')],
    [
      'a deadline exactly at closing stays at 18:00 that day',
      OFFICE,
      shanghai('2026-11-23T09:00'),
      9 * HOUR,
      shanghai('2026-11-23T18:00'),
    ],
    [
      'one second past closing -> 09:00:01 the next day',
      OFFICE,
      shanghai('2026-11-23T09:00'),
      9 * HOUR + 1,
      shanghai('2026-11-24T09:00:01'),
    ],
    [
      'from closing time, counting starts at the next opening',
      OFFICE,
      shanghai('2026-11-23T18:00'),
      HOUR,
      shanghai('2026-11-24T10:00'),
    ],
    [
      'from opening time, counting starts at once',
      OFFICE,
      shanghai('2026-11-24T09:00'),
      HOUR,
      shanghai('2026-11-24T10:00'),
    ],
    [
      'zero from outside hours is the start itself',
      OFFICE,
      shanghai('2026-11-23T18:00'),
      0,
      shanghai('2026-11-23T18:00'),
    ],
    ['a start before opening', OFFICE, shanghai('2026-11-23T07:30'), HOUR, shanghai('2026-11-23T10:00')],
    ['a start at night', OFFICE, shanghai('2026-11-23T23:00'), HOUR, shanghai('2026-11-24T10:00')],
    ['a start on Saturday', OFFICE, shanghai('2026-11-21T11:00'), HOUR, shanghai('2026-11-23T10:00')],
    ['a start on Sunday night', OFFICE, shanghai('2026-11-22T23:59'), 1, shanghai('2026-11-23T09:00:01')],
    ['the last second of the day', OFFICE, shanghai('2026-11-23T17:59:59'), 1, shanghai('2026-11-23T18:00')],
    ['two seconds over closing', OFFICE, shanghai('2026-11-23T17:59:59'), 2, shanghai('2026-11-24T09:00:01')],
    [
      'a whole working week ends Friday 18:00',
      OFFICE,
      shanghai('2026-11-23T09:00'),
      45 * HOUR,
      shanghai('2026-11-27T18:00'),
    ],
    [
      'a working week and a second',
      OFFICE,
      shanghai('2026-11-23T09:00'),
      45 * HOUR + 1,
      shanghai('2026-11-30T09:00:01'),
    ],
    ['half a second', OFFICE, shanghai('2026-11-23T12:00'), 0.5, new Date('2026-11-23T04:00:00.500Z')],
    ['morning past lunch', SPLIT, shanghai('2026-11-23T11:00'), 2 * HOUR, shanghai('2026-11-23T14:00')],
    [
      'a deadline at the start of lunch stays 12:00',
      SPLIT,
      shanghai('2026-11-23T09:00'),
      3 * HOUR,
      shanghai('2026-11-23T12:00'),
    ],
    ['a start during lunch', SPLIT, shanghai('2026-11-23T12:30'), HOUR, shanghai('2026-11-23T14:00')],
    [
      'from 12:00 over the evening and the next lunch',
      SPLIT,
      shanghai('2026-11-23T12:00'),
      8 * HOUR,
      shanghai('2026-11-24T12:00'),
    ],
    ['over Golden Week', GOLDEN_WEEK, shanghai('2026-09-30T17:00'), 4 * HOUR, shanghai('2026-10-08T12:00')],
    ['onto a make-up Saturday', GOLDEN_WEEK, shanghai('2026-10-09T17:00'), 4 * HOUR, shanghai('2026-10-10T12:00')],
    ['onto a make-up Sunday', GOLDEN_WEEK, shanghai('2026-09-26T10:00'), HOUR, shanghai('2026-09-27T10:00')],
    [
      'a week with a holiday on a Thursday morning',
      GOLDEN_WEEK,
      shanghai('2026-10-01T10:00'),
      HOUR,
      shanghai('2026-10-08T10:00'),
    ],
    ['onto the leap day', OFFICE, shanghai('2028-02-28T17:00'), 2 * HOUR, shanghai('2028-02-29T10:00')],
    [
      'over the leap day as a holiday',
      LEAP_DAY_OFF,
      shanghai('2028-02-28T17:00'),
      2 * HOUR,
      shanghai('2028-03-01T10:00'),
    ],
    [
      'over the weekend clocks go forward (EST -> EDT)',
      NEW_YORK,
      new Date('2026-03-06T16:00-05:00'),
      2 * HOUR,
      new Date('2026-03-09T10:00-04:00'),
    ],
    [
      'over the weekend clocks go back (EDT -> EST)',
      NEW_YORK,
      new Date('2026-10-30T16:00-04:00'),
      2 * HOUR,
      new Date('2026-11-02T10:00-05:00'),
    ],
    [
      'through a 23-hour Sunday',
      NEW_YORK_SUNDAYS,
      new Date('2026-03-08T00:00-05:00'),
      24 * HOUR,
      new Date('2026-03-15T01:00-04:00'),
    ],
    [
      'through a 25-hour Sunday',
      NEW_YORK_SUNDAYS,
      new Date('2026-11-01T00:00-04:00'),
      24 * HOUR,
      new Date('2026-11-01T23:00-05:00'),
    ],
    [
      'a closing at midnight stays at midnight',
      EVENINGS,
      shanghai('2026-11-23T23:00'),
      HOUR,
      shanghai('2026-11-24T00:00'),
    ],
    [
      'past a midnight closing to the next evening',
      EVENINGS,
      shanghai('2026-11-23T23:00'),
      2 * HOUR,
      shanghai('2026-11-24T21:00'),
    ],
    ['24x7: seconds are seconds', ALWAYS_OPEN, shanghai('2026-11-21T03:00'), 5, shanghai('2026-11-21T03:00:05')],
    ['24x7: over a weekend', ALWAYS_OPEN, shanghai('2026-11-21T03:00'), 48 * HOUR, shanghai('2026-11-23T03:00')],
  ])('adds %s', (_label, calendar, start, seconds, expected) => {
    // Act
    const due = addBusinessSeconds(calendar, start, seconds);

    // Assess
    expect(due.toISOString()).toBe(expected.toISOString());
  });

  it.each([-1, Number.NaN])('refuses %d seconds', (seconds) => {
    expect(() => addBusinessSeconds(OFFICE, shanghai('2026-11-23T10:00'), seconds)).toThrow(RangeError);
  });

  it('refuses a calendar that never opens instead of looping', () => {
    // Prepare
    const never: BusinessCalendar = { timezone: 'Asia/Shanghai', weekly: {} };

    // Act
    const adding = () => addBusinessSeconds(never, shanghai('2026-11-23T10:00'), 1);

    // Assess: the typed error a workflow step records and a route answers with (409), not a bare RangeError.
    expect(adding).toThrow(BusinessTimeHorizonError);
  });
});

describe('Function: businessSecondsBetween', () => {
  it.each<[string, BusinessCalendar, Date, Date, number]>([
    ['Friday 17:00 to Monday 12:00', OFFICE, shanghai('2026-11-20T17:00'), shanghai('2026-11-23T12:00'), 4 * HOUR],
    ['closing to the next opening', OFFICE, shanghai('2026-11-20T18:00'), shanghai('2026-11-23T09:00'), 0],
    ['within a weekend', OFFICE, shanghai('2026-11-21T08:00'), shanghai('2026-11-22T20:00'), 0],
    ['the same instant', OFFICE, shanghai('2026-11-23T10:00'), shanghai('2026-11-23T10:00'), 0],
    ['backwards', OFFICE, shanghai('2026-11-23T12:00'), shanghai('2026-11-23T10:00'), 0],
    [
      'from before opening to after closing',
      OFFICE,
      shanghai('2026-11-23T08:00'),
      shanghai('2026-11-23T20:00'),
      9 * HOUR,
    ],
    ['a day with lunch', SPLIT, shanghai('2026-11-23T08:00'), shanghai('2026-11-23T20:00'), 8 * HOUR],
    ['during lunch', SPLIT, shanghai('2026-11-23T12:10'), shanghai('2026-11-23T12:50'), 0],
    [
      'two weeks around Golden Week: 5 days, 5 holidays off, a make-up Saturday on',
      GOLDEN_WEEK,
      shanghai('2026-09-28T09:00'),
      shanghai('2026-10-12T09:00'),
      6 * 9 * HOUR,
    ],
    [
      'February 2028 (leap year: 21 working days)',
      OFFICE,
      shanghai('2028-02-01T00:00'),
      shanghai('2028-03-01T00:00'),
      21 * 9 * HOUR,
    ],
    [
      'February 2027 (20 working days)',
      OFFICE,
      shanghai('2027-02-01T00:00'),
      shanghai('2027-03-01T00:00'),
      20 * 9 * HOUR,
    ],
    [
      'the year 2028 (366 days, 260 working days)',
      OFFICE,
      shanghai('2028-01-01T00:00'),
      shanghai('2029-01-01T00:00'),
      260 * 9 * HOUR,
    ],
    [
      'the year 2027 (261 working days)',
      OFFICE,
      shanghai('2027-01-01T00:00'),
      shanghai('2028-01-01T00:00'),
      261 * 9 * HOUR,
    ],
    [
      'a 23-hour Sunday',
      NEW_YORK_SUNDAYS,
      new Date('2026-03-08T00:00-05:00'),
      new Date('2026-03-09T00:00-04:00'),
      23 * HOUR,
    ],
    [
      'a 25-hour Sunday',
      NEW_YORK_SUNDAYS,
      new Date('2026-11-01T00:00-04:00'),
      new Date('2026-11-02T00:00-05:00'),
      25 * HOUR,
    ],
    [
      'a New York week over the DST change',
      NEW_YORK,
      new Date('2026-03-02T00:00-05:00'),
      new Date('2026-03-14T00:00-04:00'),
      10 * 8 * HOUR,
    ],
    ['24x7 over a weekend', ALWAYS_OPEN, shanghai('2026-11-20T12:00'), shanghai('2026-11-23T12:00'), 72 * HOUR],
  ])('counts %s', (_label, calendar, from, to, expected) => {
    // Act
    const elapsed = businessSecondsBetween(calendar, from, to);

    // Assess
    expect(elapsed).toBe(expected);
  });
});

describe('Function: nextOpening', () => {
  it.each<[string, BusinessCalendar, Date, Date]>([
    ['during hours: the instant itself', OFFICE, shanghai('2026-11-23T10:00'), shanghai('2026-11-23T10:00')],
    ['at opening: the instant itself', OFFICE, shanghai('2026-11-23T09:00'), shanghai('2026-11-23T09:00')],
    ['at closing: the next morning', OFFICE, shanghai('2026-11-23T18:00'), shanghai('2026-11-24T09:00')],
    ['Friday night: Monday morning', OFFICE, shanghai('2026-11-20T22:00'), shanghai('2026-11-23T09:00')],
    ['at lunch: 13:00', SPLIT, shanghai('2026-11-23T12:00'), shanghai('2026-11-23T13:00')],
    [
      'the eve of Golden Week: the day after it',
      GOLDEN_WEEK,
      shanghai('2026-09-30T18:00'),
      shanghai('2026-10-08T09:00'),
    ],
    ['Friday night before a make-up Saturday', GOLDEN_WEEK, shanghai('2026-10-09T18:00'), shanghai('2026-10-10T09:00')],
    ['a midnight closing: the next evening', EVENINGS, shanghai('2026-11-24T00:00'), shanghai('2026-11-24T20:00')],
    [
      'New York Saturday after the change: Monday 09:00 EDT',
      NEW_YORK,
      new Date('2026-03-07T12:00-05:00'),
      new Date('2026-03-09T09:00-04:00'),
    ],
    ['24x7: the instant itself', ALWAYS_OPEN, shanghai('2026-11-22T03:00'), shanghai('2026-11-22T03:00')],
  ])('finds %s', (_label, calendar, at, expected) => {
    // Act
    const opening = nextOpening(calendar, at);

    // Assess
    expect(opening.toISOString()).toBe(expected.toISOString());
  });
});
