import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../functions/domain/errors.js';
import { MAX_REPORT_DAYS, reportRange } from '../../../../functions/domain/kpi/report-range.js';

describe('Function: reportRange', () => {
  it.each<[string, { from?: string; to?: string }, 'week' | 'month' | 'quarter', string[], string, string]>([
    ['the current week by default', {}, 'week', ['2026-W20'], '2026-05-11', '2026-05-17'],
    ['the current quarter by default', {}, 'quarter', ['2026-Q2'], '2026-04-01', '2026-06-30'],
    ['to without from: the period holding to', { to: '2026-02-10' }, 'month', ['2026-02'], '2026-02-01', '2026-02-28'],
    [
      'whole periods around a range across a year end',
      { from: '2025-12-31', to: '2026-01-05' },
      'week',
      ['2026-W01', '2026-W02'],
      '2025-12-29',
      '2026-01-11',
    ],
    ['one day', { from: '2026-03-29', to: '2026-03-29' }, 'month', ['2026-03'], '2026-03-01', '2026-03-31'],
  ])('%s', (_, query, period, labels, firstDay, lastDay) => {
    const range = reportRange({ ...query, period }, '2026-05-14');
    expect(range.periods.map(({ label }) => label)).toEqual(labels);
    expect({ firstDay: range.firstDay, lastDay: range.lastDay }).toEqual({ firstDay, lastDay });
  });

  it.each<[string, { from: string; to: string }]>([
    ['from after to', { from: '2026-05-02', to: '2026-05-01' }],
    [`a range of more than ${MAX_REPORT_DAYS} days`, { from: '2024-04-30', to: '2026-05-01' }],
  ])('refuses %s, naming from', (_, query) => {
    let thrown: unknown;
    try {
      reportRange({ ...query, period: 'month' }, '2026-05-14');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(JSON.stringify(thrown)).toContain('"path":"from"');
  });

  it(`accepts ${MAX_REPORT_DAYS} days, both ends included`, () => {
    const range = reportRange({ from: '2024-05-01', to: '2026-05-01', period: 'quarter' }, '2026-05-14');
    expect(range.periods.map(({ label }) => label)).toHaveLength(9);
  });
});
