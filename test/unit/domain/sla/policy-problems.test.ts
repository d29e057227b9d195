import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '../../../../functions/domain/sla/business-calendar.js';
import { calendarProblems } from '../../../../functions/domain/sla/calendar-problems.js';
import { slaPolicyProblems } from '../../../../functions/domain/sla/sla-policy-problems.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../../functions/domain/sla/sla-policy.js';
import { GOLDEN_WEEK, SPLIT } from './calendars.js';

const monday = (...hours: Array<[string, string]>): BusinessCalendar => ({
  timezone: 'Asia/Shanghai',
  weekly: { monday: hours.map(([start, end]) => ({ start, end })) },
});

describe('Function: calendarProblems', () => {
  it.each<[string, BusinessCalendar, string[]]>([
    ['the default calendar', DEFAULT_CALENDAR, []],
    ['hours with a lunch break', SPLIT, []],
    ['holidays and make-up days', GOLDEN_WEEK, []],
    ['no weekly hours given (the default week)', { timezone: 'Asia/Shanghai' }, []],
    ['24x7', { timezone: 'America/New_York', alwaysOpen: true }, []],
    ['an unknown timezone', { ...DEFAULT_CALENDAR, timezone: 'Asia/Atlantis' }, ['timezone']],
    [
      '24x7 with hours, holidays and make-up days',
      { timezone: 'UTC', alwaysOpen: true, weekly: {}, holidays: [], makeUpDays: [] },
      ['weekly', 'holidays', 'makeUpDays'],
    ],
    ['a week without working hours', { timezone: 'Asia/Shanghai', weekly: { monday: [] } }, ['weekly']],
    [
      'a key that is not a weekday',
      { timezone: 'Asia/Shanghai', weekly: { ...DEFAULT_CALENDAR.weekly, funday: [] } as BusinessCalendar['weekly'] },
      ['weekly.funday'],
    ],
    ['a start that is no time', monday(['9:00', '18:00']), ['weekly.monday.0.start']],
    ['an end that is no time', monday(['09:00', '25:00']), ['weekly.monday.0.end']],
    ['a day to midnight', monday(['18:00', '24:00']), []],
    ['a start at 24:00', monday(['24:00', '24:00']), ['weekly.monday.0.start']],
    ['an end before the start', monday(['18:00', '09:00']), ['weekly.monday.0.end']],
    ['an empty interval', monday(['09:00', '09:00']), ['weekly.monday.0.end']],
    ['touching intervals', monday(['09:00', '12:00'], ['12:00', '18:00']), []],
    ['overlapping intervals', monday(['09:00', '12:00'], ['11:00', '18:00']), ['weekly.monday.1']],
    ['an interval inside another, listed first', monday(['10:00', '11:00'], ['09:00', '18:00']), ['weekly.monday.1']],
    ['a holiday on the leap day', { ...DEFAULT_CALENDAR, holidays: ['2028-02-29'] }, []],
    ['a holiday on a day that does not exist', { ...DEFAULT_CALENDAR, holidays: ['2027-02-29'] }, ['holidays.0']],
    ['a make-up day that is no date', { ...DEFAULT_CALENDAR, makeUpDays: ['2026/10/10'] }, ['makeUpDays.0']],
    [
      'a make-up day that is also a holiday',
      { ...DEFAULT_CALENDAR, holidays: ['2026-10-10'], makeUpDays: ['2026-10-10'] },
      ['makeUpDays.0'],
    ],
    ['a make-up day on a working weekday', { ...DEFAULT_CALENDAR, makeUpDays: ['2026-10-09'] }, ['makeUpDays.0']],
    [
      'every problem at once',
      {
        timezone: 'Nowhere',
        weekly: { monday: [{ start: '18:00', end: '09:00' }] },
        holidays: ['x'],
        makeUpDays: ['y'],
      },
      ['timezone', 'weekly.monday.0.end', 'holidays.0', 'makeUpDays.0'],
    ],
  ])('reports %s', (_label, calendar, paths) => {
    // Act
    const problems = calendarProblems(calendar);

    // Assess
    expect(problems.map(({ path }) => path)).toEqual(paths);
    for (const { message } of problems) expect(message).not.toBe('');
  });
});

describe('Function: slaPolicyProblems', () => {
  type PolicyChanges = Partial<Omit<SlaPolicy, 'escalation'>> & { escalation?: Partial<SlaPolicy['escalation']> };
  const policy = (changes: PolicyChanges): SlaPolicy => ({
    ...DEFAULT_SLA_POLICY,
    ...changes,
    escalation: { ...DEFAULT_SLA_POLICY.escalation, ...changes.escalation },
  });
  const targets = (p2Resolution: string): SlaPolicy['targets'] => ({
    ...DEFAULT_SLA_POLICY.targets,
    P2: { firstResponse: 'PT4H', resolution: p2Resolution },
  });

  it.each<[string, SlaPolicy, string[]]>([
    ['the default policy', DEFAULT_SLA_POLICY, []],
    [
      'the local demo policy (24x7, PT5S)',
      policy({ calendar: { timezone: 'UTC', alwaysOpen: true }, escalation: { repeatEvery: 'PT5S' } }),
      [],
    ],
    ['a target in weeks', policy({ targets: targets('P1W') }), ['targets.P2.resolution']],
    ['a zero target', policy({ targets: targets('PT0S') }), ['targets.P2.resolution']],
    ['a target that is no duration', policy({ targets: targets('two days') }), ['targets.P2.resolution']],
    ['a target in months', policy({ targets: targets('P1M') }), ['targets.P2.resolution']],
    ['a zero repeat', policy({ escalation: { repeatEvery: 'PT0S' } }), ['escalation.repeatEvery']],
    ['maxLevel 0', policy({ escalation: { maxLevel: 0 } }), ['escalation.maxLevel']],
    ['maxLevel 4', policy({ escalation: { maxLevel: 4 } }), ['escalation.maxLevel']],
    ['maxLevel 2.5', policy({ escalation: { maxLevel: 2.5 } }), ['escalation.maxLevel']],
    ['maxLevel 1', policy({ escalation: { maxLevel: 1 } }), []],
    ['no warning', policy({ escalation: { warnAt: undefined } }), []],
    ['a warning at 100 %', policy({ escalation: { warnAt: 1 } }), ['escalation.warnAt']],
    ['a warning at 0 %', policy({ escalation: { warnAt: 0 } }), ['escalation.warnAt']],
    [
      'a survey reminder after it expired',
      policy({ surveyReminderAfter: 'P14D', surveyExpiresAfter: 'P7D' }),
      ['surveyExpiresAfter'],
    ],
    ['survey durations in weeks (elapsed time)', policy({ surveyReminderAfter: 'P1W', surveyExpiresAfter: 'P2W' }), []],
    ['a zero survey expiry', policy({ surveyExpiresAfter: 'PT0S' }), ['surveyExpiresAfter']],
    ['a survey delay that is no duration', policy({ surveyDelay: 'now' }), ['surveyDelay']],
    ['a revisit in weeks (business time)', policy({ revisitAfter: 'P1W' }), ['revisitAfter']],
    ['a bad calendar, under calendar.', policy({ calendar: { timezone: 'Nowhere' } }), ['calendar.timezone']],
  ])('reports %s', (_label, value, paths) => {
    // Act
    const problems = slaPolicyProblems(value);

    // Assess
    expect(problems.map(({ path }) => path)).toEqual(paths);
  });
});
