import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDayOf,
  periodContaining,
  periodsCovering,
} from '../../../../functions/domain/kpi/report-calendar.js';

describe('Function: periodContaining', () => {
  it.each<[string, string, string, string, string]>([
    // ISO weeks at year ends: the week-year is the year of the week's Thursday.
    ['a Thursday 1 January', '2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['Monday 29 December, in the next year week 1', '2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'],
    ['Sunday 3 January 2021, in 2020-W53', '2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
    ['Thursday 31 December 2026, in 2026-W53', '2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['Sunday 3 January 2027, still 2026-W53', '2027-01-03', '2026-W53', '2026-12-28', '2027-01-03'],
    ['Monday 4 January 2027, 2027-W01', '2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    ['Monday 31 December 2018, in 2019-W01', '2018-12-31', '2019-W01', '2018-12-31', '2019-01-06'],
    ['a leap day', '2028-02-29', '2028-W09', '2028-02-28', '2028-03-05'],
    ['the DST Sunday, last day of its week', '2026-03-29', '2026-W13', '2026-03-23', '2026-03-29'],
  ])('week: %s', (_, day, label, start, end) => {
    expect(periodContaining(day, 'week')).toEqual({ period: 'week', label, start, end });
  });

  it.each<[string, 'month' | 'quarter', string, string, string]>([
    ['2026-02-14', 'month', '2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02-29', 'month', '2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12-31', 'month', '2026-12', '2026-12-01', '2026-12-31'],
    ['2026-03-31', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'quarter', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-12-31', 'quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s by %s', (day, period, label, start, end) => {
    expect(periodContaining(day, period)).toEqual({ period, label, start, end });
  });
});

describe('Function: periodsCovering', () => {
  it('covers every whole period holding a day of the range, across a year end', () => {
    expect(periodsCovering('2026-12-30', '2027-01-05', 'week').map(({ label }) => label)).toEqual([
      '2026-W53',
      '2027-W01',
    ]);
    expect(periodsCovering('2026-11-15', '2027-02-01', 'month').map(({ label }) => label)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(periodsCovering('2026-03-31', '2026-04-01', 'quarter').map(({ label }) => label)).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('gives one period for a range inside it', () => {
    expect(periodsCovering('2026-05-05', '2026-05-06', 'week')).toHaveLength(1);
  });
});

describe('Function: localDayOf', () => {
  it.each<[string, string, string, string]>([
    ['the last minute of the day before DST (CET)', '2026-03-28T22:59:00Z', 'Europe/Berlin', '2026-03-28'],
    ['the first minute of the DST day', '2026-03-28T23:00:00Z', 'Europe/Berlin', '2026-03-29'],
    ['the last minute of the 23-hour DST day (CEST)', '2026-03-29T21:59:00Z', 'Europe/Berlin', '2026-03-29'],
    ['the first minute after it', '2026-03-29T22:00:00Z', 'Europe/Berlin', '2026-03-30'],
    ['the 25-hour day at the end of DST, its last minute', '2026-10-25T22:59:00Z', 'Europe/Berlin', '2026-10-25'],
    ['the hour repeated at the end of DST', '2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25'],
    ['a quarter end in Shanghai, server in UTC', '2026-03-31T16:30:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['a year end in New York', '2027-01-01T04:59:00Z', 'America/New_York', '2026-12-31'],
  ])('%s', (_, instant, timeZone, day) => {
    expect(localDayOf(instant, timeZone)).toBe(day);
  });
});

describe('Function: addDays', () => {
  it('adds calendar days whatever the daylight saving', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
