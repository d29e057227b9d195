import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN, caseNumberDay, formatCaseNumber } from '../../functions/domain/case-number.js';

describe('Function: caseNumberDay', () => {
  it.each([
    ['2026-11-21T16:30:00Z', 'Asia/Shanghai', '20261122'],
    ['2026-11-21T16:30:00Z', 'UTC', '20261121'],
    ['2026-11-21T15:59:59.999Z', 'Asia/Shanghai', '20261121'],
    ['2026-11-21T16:00:00.000Z', 'Asia/Shanghai', '20261122'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '20270101'],
    ['2026-11-22T07:59:00Z', 'America/Los_Angeles', '20261121'],
    ['2026-11-22T08:00:00Z', 'America/Los_Angeles', '20261122'],
    // New York switches to daylight time on 2026-03-08: midnight is 05:00Z before and 04:00Z after.
    ['2026-03-09T04:30:00Z', 'America/New_York', '20260309'],
    ['2026-03-08T04:30:00Z', 'America/New_York', '20260307'],
    ['2026-11-21T10:30:00Z', 'Pacific/Kiritimati', '20261122'],
  ])('puts %s on the day of %s as %s', (instant, timeZone, day) => {
    expect(caseNumberDay(new Date(instant), timeZone)).toBe(day);
  });

  it('throws a RangeError for an unknown timezone', () => {
    expect(() => caseNumberDay(new Date('2026-11-21T16:30:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('Function: formatCaseNumber', () => {
  it.each([
    ['AS', '20261122', 1, 'AS-20261122-0001'],
    ['AS', '20261122', 42, 'AS-20261122-0042'],
    ['AS', '20261122', 9999, 'AS-20261122-9999'],
    ['AS', '20261122', 10_000, 'AS-20261122-10000'],
    ['SH2', '20270101', 123_456, 'SH2-20270101-123456'],
  ])('formats %s, %s and %i as %s', (prefix, day, sequence, expected) => {
    const caseNumber = formatCaseNumber(prefix, day, sequence);

    expect(caseNumber).toBe(expected);
    expect(caseNumber).toMatch(CASE_NUMBER_PATTERN);
  });

  it.each([
    ['a lowercase prefix', 'as', '20261122', 1],
    ['an empty prefix', '', '20261122', 1],
    ['a prefix with a dash', 'A-S', '20261122', 1],
    ['a short day', 'AS', '2026112', 1],
    ['a dashed day', 'AS', '2026-11-22', 1],
    ['sequence 0', 'AS', '20261122', 0],
    ['a negative sequence', 'AS', '20261122', -1],
    ['a fractional sequence', 'AS', '20261122', 1.5],
    ['a NaN sequence', 'AS', '20261122', Number.NaN],
  ])('throws a RangeError for %s', (_label, prefix, day, sequence) => {
    expect(() => formatCaseNumber(prefix, day, sequence)).toThrow(RangeError);
  });
});

describe('Constant: CASE_NUMBER_PATTERN', () => {
  it('exposes prefix, day and sequence as named groups', () => {
    expect(CASE_NUMBER_PATTERN.exec('AS-20261122-0001')?.groups).toEqual({
      prefix: 'AS',
      day: '20261122',
      sequence: '0001',
    });
  });

  it.each([
    'AS-20261122-001',
    'as-20261122-0001',
    'AS-2026112-0001',
    'AS20261122-0001',
    ' AS-20261122-0001',
    'AS-20261122-0001x',
  ])('does not match %j', (value) => {
    expect(value).not.toMatch(CASE_NUMBER_PATTERN);
  });
});
