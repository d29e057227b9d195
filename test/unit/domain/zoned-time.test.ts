import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dayOfIsoDate,
  instantOf,
  isKnownTimezone,
  isoDateOfDay,
  isoWeekdayIndexOf,
  localTimeOf,
} from '../../../functions/domain/zoned-time.js';

const HOUR_MS = 3_600_000;
const day = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

describe('Function: instantOf', () => {
  it.each<[string, string, string, number, string]>([
    ['a Shanghai morning', 'Asia/Shanghai', '2026-11-20', 9 * HOUR_MS, '2026-11-20T01:00:00.000Z'],
    ['Shanghai midnight after (24:00)', 'Asia/Shanghai', '2026-11-20', 24 * HOUR_MS, '2026-11-20T16:00:00.000Z'],
    ['New York before DST (EST)', 'America/New_York', '2026-03-06', 9 * HOUR_MS, '2026-03-06T14:00:00.000Z'],
    ['New York after DST (EDT)', 'America/New_York', '2026-03-09', 9 * HOUR_MS, '2026-03-09T13:00:00.000Z'],
    [
      'the last minute before clocks go forward',
      'America/New_York',
      '2026-03-08',
      119 * 60_000,
      '2026-03-08T06:59:00.000Z',
    ],
    [
      'a time clocks skip (02:30 -> 03:30 EDT)',
      'America/New_York',
      '2026-03-08',
      2.5 * HOUR_MS,
      '2026-03-08T07:30:00.000Z',
    ],
    ['03:00 when clocks went forward', 'America/New_York', '2026-03-08', 3 * HOUR_MS, '2026-03-08T07:00:00.000Z'],
    [
      'a time that occurs twice (the earlier, EDT)',
      'America/New_York',
      '2026-11-01',
      1.5 * HOUR_MS,
      '2026-11-01T05:30:00.000Z',
    ],
    ['after clocks went back (EST)', 'America/New_York', '2026-11-01', 9 * HOUR_MS, '2026-11-01T14:00:00.000Z'],
    ['the leap day', 'Asia/Shanghai', '2028-02-29', 12 * HOUR_MS, '2028-02-29T04:00:00.000Z'],
  ])('reads %s', (_label, timezone, isoDate, msOfDay, expected) => {
    // Act
    const instant = instantOf(day(isoDate), msOfDay, timezone);

    // Assess
    expect(new Date(instant).toISOString()).toBe(expected);
  });
});

describe('Function: localTimeOf', () => {
  it.each<[string, string, string, number]>([
    ['2026-11-20T01:00:00.000Z', 'Asia/Shanghai', '2026-11-20', 9 * HOUR_MS],
    ['2026-11-20T16:00:00.000Z', 'Asia/Shanghai', '2026-11-21', 0],
    ['2026-11-20T15:59:59.999Z', 'Asia/Shanghai', '2026-11-20', 24 * HOUR_MS - 1],
    ['2026-03-08T07:30:00.000Z', 'America/New_York', '2026-03-08', 3.5 * HOUR_MS],
    ['2026-11-01T06:30:00.000Z', 'America/New_York', '2026-11-01', 1.5 * HOUR_MS],
    ['1969-12-31T23:59:59.500Z', 'UTC', '1969-12-31', 24 * HOUR_MS - 500],
  ])('reads %s in %s as %s plus %d ms', (instant, timezone, isoDate, msOfDay) => {
    // Act
    const local = localTimeOf(Date.parse(instant), timezone);

    // Assess
    expect(local).toEqual({ day: day(isoDate), msOfDay });
  });
});

describe('Function: dayOfIsoDate', () => {
  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-11-31', false],
    ['20261120', false],
  ])('reads %s as a date: %s', (value, valid) => {
    // Act
    const result = dayOfIsoDate(value);

    // Assess
    expect(result === undefined ? false : isoDateOfDay(result) === value).toBe(valid);
  });
});

describe('Function: isoWeekdayIndexOf', () => {
  it.each([
    ['2026-11-23', 0],
    ['2026-11-20', 4],
    ['2026-11-22', 6],
    ['1970-01-01', 3],
    ['1969-12-29', 0],
  ])('gives %s the ISO weekday index %d', (isoDate, index) => {
    expect(isoWeekdayIndexOf(day(isoDate))).toBe(index);
  });
});

describe('Function: isKnownTimezone', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('knows %j: %s', (timezone, known) => {
    expect(isKnownTimezone(timezone)).toBe(known);
  });
});
