import { describe, expect, it } from 'vitest';
import {
  clockReachesAt,
  isClockStopped,
  milestoneDeadline,
  pausedBusinessSeconds,
  runningBusinessSeconds,
  type ClockPause,
} from '../../../../functions/domain/sla/sla-clock.js';
import { ALWAYS_OPEN, HOUR, OFFICE, shanghai } from './calendars.js';

// The resolution clock of a P3 case received Monday 2026-11-23 09:00: P2D is due Tuesday 18:00 (18 working hours).
const startedAt = shanghai('2026-11-23T09:00');
const pause = (from: string, to?: string): ClockPause => ({
  from: shanghai(from),
  ...(to ? { to: shanghai(to) } : {}),
});

describe('Function: clockReachesAt', () => {
  it.each<[string, ClockPause[], string | undefined]>([
    ['no pause', [], '2026-11-24T18:00'],
    [
      'a 2-hour pause moves the due time by 2 working hours',
      [pause('2026-11-23T10:00', '2026-11-23T12:00')],
      '2026-11-25T11:00',
    ],
    [
      'a pause over the night counts only its working hours',
      [pause('2026-11-23T17:00', '2026-11-24T10:00')],
      '2026-11-25T11:00',
    ],
    [
      'a pause over a weekend only changes nothing',
      [pause('2026-11-20T18:00', '2026-11-23T09:00')],
      '2026-11-24T18:00',
    ],
    [
      'a pause after the due time changes nothing (missed stays missed)',
      [pause('2026-11-25T10:00', '2026-11-25T12:00')],
      '2026-11-24T18:00',
    ],
    [
      'a pause across the due time moves it by all its working time',
      [pause('2026-11-24T17:00', '2026-11-25T12:00')],
      '2026-11-25T13:00',
    ],
    ['a pause ending exactly at the due time', [pause('2026-11-24T16:00', '2026-11-24T18:00')], '2026-11-25T11:00'],
    [
      'two pauses add up',
      [pause('2026-11-23T10:00', '2026-11-23T11:00'), pause('2026-11-24T10:00', '2026-11-24T11:00')],
      '2026-11-25T11:00',
    ],
    [
      'overlapping pauses in any order count once',
      [pause('2026-11-23T11:00', '2026-11-23T12:00'), pause('2026-11-23T10:00', '2026-11-23T11:30')],
      '2026-11-25T11:00',
    ],
    [
      'a pause begun before the clock started counts from the start',
      [pause('2026-11-23T08:00', '2026-11-23T11:00')],
      '2026-11-25T11:00',
    ],
    [
      'a pause wholly before the start changes nothing',
      [pause('2026-11-20T10:00', '2026-11-20T12:00')],
      '2026-11-24T18:00',
    ],
    ['a three-week pause (15 working days)', [pause('2026-11-23T10:00', '2026-12-14T10:00')], '2026-12-15T18:00'],
    ['an open pause stops the clock short of the target', [pause('2026-11-24T10:00')], undefined],
    ['an open pause after the due time leaves it where it was', [pause('2026-11-25T10:00')], '2026-11-24T18:00'],
    [
      'a closed pause then an open one',
      [pause('2026-11-23T10:00', '2026-11-23T12:00'), pause('2026-11-25T10:00')],
      undefined,
    ],
  ])('finds the due time with %s', (_label, pauses, expected) => {
    // Act
    const dueAt = clockReachesAt(OFFICE, { startedAt, pauses }, 18 * HOUR);

    // Assess
    expect(dueAt?.toISOString()).toBe(expected && shanghai(expected).toISOString());
  });

  it('moves a 24x7 due time by exactly a 20-second pause', () => {
    // Prepare
    const start = new Date('2026-11-23T00:00:00Z');
    const pauses = [{ from: new Date('2026-11-23T00:00:10Z'), to: new Date('2026-11-23T00:00:30Z') }];

    // Act
    const dueAt = clockReachesAt(ALWAYS_OPEN, { startedAt: start, pauses }, 60);

    // Assess
    expect(dueAt?.toISOString()).toBe('2026-11-23T00:01:20.000Z');
  });
});

describe('Function: runningBusinessSeconds', () => {
  it.each<[string, ClockPause[], string, number]>([
    ['at the start', [], '2026-11-23T09:00', 0],
    ['before the start', [], '2026-11-20T09:00', 0],
    ['half way', [], '2026-11-23T18:00', 9 * HOUR],
    ['during a pause', [pause('2026-11-23T10:00')], '2026-11-23T15:00', HOUR],
    ['after a pause', [pause('2026-11-23T10:00', '2026-11-23T12:00')], '2026-11-23T15:00', 4 * HOUR],
    ['before a pause', [pause('2026-11-23T16:00', '2026-11-23T17:00')], '2026-11-23T15:00', 6 * HOUR],
  ])('counts %s', (_label, pauses, at, expected) => {
    expect(runningBusinessSeconds(OFFICE, { startedAt, pauses }, shanghai(at))).toBe(expected);
  });
});

describe('Function: pausedBusinessSeconds', () => {
  it.each<[string, ClockPause[], string, number]>([
    ['no pause', [], '2026-11-24T10:00', 0],
    ['a closed pause', [pause('2026-11-23T10:00', '2026-11-23T12:00')], '2026-11-24T10:00', 2 * HOUR],
    ['an open pause up to now', [pause('2026-11-23T10:00')], '2026-11-23T15:00', 5 * HOUR],
    ['a pause still to come', [pause('2026-11-24T10:00', '2026-11-24T12:00')], '2026-11-23T15:00', 0],
    ['a pause over a weekend', [pause('2026-11-27T17:00', '2026-11-30T10:00')], '2026-12-01T10:00', 2 * HOUR],
  ])('counts %s', (_label, pauses, at, expected) => {
    expect(pausedBusinessSeconds(OFFICE, { startedAt, pauses }, shanghai(at))).toBe(expected);
  });
});

describe('Function: isClockStopped', () => {
  it.each<[string, ClockPause[], string, boolean]>([
    ['no pause', [], '2026-11-23T10:00', false],
    ['inside an open pause', [pause('2026-11-23T10:00')], '2026-11-23T10:00', true],
    ['inside a closed pause', [pause('2026-11-23T10:00', '2026-11-23T12:00')], '2026-11-23T11:00', true],
    ['when a pause ended', [pause('2026-11-23T10:00', '2026-11-23T12:00')], '2026-11-23T12:00', false],
    ['before a pause', [pause('2026-11-23T10:00')], '2026-11-23T09:30', false],
  ])('tells %s', (_label, pauses, at, stopped) => {
    expect(isClockStopped({ startedAt, pauses }, shanghai(at))).toBe(stopped);
  });
});

describe('Function: milestoneDeadline', () => {
  it('returns the due time, the time left and the time paused while running', () => {
    // Act
    const deadline = milestoneDeadline(
      OFFICE,
      { startedAt, pauses: [pause('2026-11-23T10:00', '2026-11-23T12:00')] },
      'P2D',
      shanghai('2026-11-23T15:00'),
    );

    // Assess
    expect(deadline).toEqual({
      dueAt: shanghai('2026-11-25T11:00'),
      targetSeconds: 18 * HOUR,
      remainingSeconds: 14 * HOUR,
      pausedSeconds: 2 * HOUR,
      stopped: false,
    });
  });

  it('returns a negative time left once overdue', () => {
    // Act
    const deadline = milestoneDeadline(OFFICE, { startedAt, pauses: [] }, 'P2D', shanghai('2026-11-25T10:00'));

    // Assess
    expect(deadline).toMatchObject({ dueAt: shanghai('2026-11-24T18:00'), remainingSeconds: -1 * HOUR });
  });

  it('returns no due time and a fixed time left while the clock is stopped', () => {
    // Prepare
    const clock = { startedAt, pauses: [pause('2026-11-23T10:00')] };

    // Act
    const atNoon = milestoneDeadline(OFFICE, clock, 'P2D', shanghai('2026-11-23T12:00'));
    const nextDay = milestoneDeadline(OFFICE, clock, 'P2D', shanghai('2026-11-24T12:00'));

    // Assess
    expect(atNoon).toEqual({
      targetSeconds: 18 * HOUR,
      remainingSeconds: 17 * HOUR,
      pausedSeconds: 2 * HOUR,
      stopped: true,
    });
    expect(nextDay).toMatchObject({ remainingSeconds: 17 * HOUR, pausedSeconds: 11 * HOUR, stopped: true });
  });

  it('applies a new target from the case start, keeping the time spent and paused', () => {
    // Prepare: the policy changes from P2D to P1D mid-case, after a 2-hour pause.
    const clock = { startedAt, pauses: [pause('2026-11-23T10:00', '2026-11-23T12:00')] };
    const now = shanghai('2026-11-23T15:00');

    // Act
    const before = milestoneDeadline(OFFICE, clock, 'P2D', now);
    const after = milestoneDeadline(OFFICE, clock, 'P1D', now);

    // Assess
    expect(before.remainingSeconds - after.remainingSeconds).toBe(9 * HOUR);
    expect(after).toMatchObject({
      dueAt: shanghai('2026-11-24T11:00'),
      remainingSeconds: 5 * HOUR,
      pausedSeconds: 2 * HOUR,
    });
  });
});
