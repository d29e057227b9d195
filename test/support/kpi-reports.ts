import type { KpiPeriodFigures, KpiReport } from '../../functions/domain/kpi/kpi-report.js';
import { periodContaining } from '../../functions/domain/kpi/report-calendar.js';

export const DEFAULT_TARGETS = { firstResponseMaxMinutes: 240, resolutionRateMin: 0.9, csatMin: 0.85 };

/** One period's figures: a busy ordinary week unless told otherwise; `withoutData` is a period with no case at all. */
export const periodFigures = (label: string, overrides: Partial<KpiPeriodFigures> = {}): KpiPeriodFigures => ({
  period: 'week',
  label,
  start: '2026-06-29',
  end: '2026-07-05',
  casesReceived: 1234,
  casesResolved: 1180,
  firstResponse: {
    count: 1200,
    avgMinutes: 187.123456789,
    avgCalendarMinutes: 402.5,
    withinSlaRate: 0.9133333333333333,
    target: { target: 240, met: true },
  },
  resolution: {
    cohortCases: 1100,
    cohortResolved: 1001,
    resolutionRate: 0.91,
    withinSlaRate: 0.8712121212121212,
    avgHours: 20.25,
    avgCalendarHours: 44.1,
    medianHours: 16,
    target: { target: 0.9, met: true },
  },
  csat: {
    surveysSent: 900,
    responses: 300,
    responseRate: 1 / 3,
    avgOverall: 4.3,
    satisfiedRate: 0.87,
    dimensions: { overall: 4.3, attitude: 4.5, professionalism: 4.1, problemSolving: null, speed: 3.9 },
    target: { target: 0.85, met: true },
  },
  escalations: 12,
  escalationsByLevel: { '1': 9, '2': 2, '3': 1 },
  breaches: { firstResponse: 30, resolution: 41 },
  reopens: { resolutions: 1180, reopenedWithin7Days: 24, reopenRate: 24 / 1180 },
  revisits: { completed: 200, recurred: 7, recurredRate: 0.035 },
  byType: { return: { received: 500, resolved: 480 }, repair: { received: 734, resolved: 700 } },
  byChannel: { web: { received: 1000 }, phone: { received: 234 } },
  byRootCause: { design_defect: { resolved: 80 }, logistics_damage: { resolved: 20 } },
  ...overrides,
});

/** A period in which nothing happened: every average and rate is null, met is null. */
export const emptyPeriod = (label: string): KpiPeriodFigures =>
  periodFigures(label, {
    casesReceived: 0,
    casesResolved: 0,
    firstResponse: {
      count: 0,
      avgMinutes: null,
      avgCalendarMinutes: null,
      withinSlaRate: null,
      target: { target: 240, met: null },
    },
    resolution: {
      cohortCases: 0,
      cohortResolved: 0,
      resolutionRate: null,
      withinSlaRate: null,
      avgHours: null,
      avgCalendarHours: null,
      medianHours: null,
      target: { target: 0.9, met: null },
    },
    csat: {
      surveysSent: 0,
      responses: 0,
      responseRate: null,
      avgOverall: null,
      satisfiedRate: null,
      dimensions: { overall: null, attitude: null, professionalism: null, problemSolving: null, speed: null },
      target: { target: 0.85, met: null },
    },
    escalations: 0,
    escalationsByLevel: { '1': 0, '2': 0, '3': 0 },
    breaches: { firstResponse: 0, resolution: 0 },
    reopens: { resolutions: 0, reopenedWithin7Days: 0, reopenRate: null },
    revisits: { completed: 0, recurred: 0, recurredRate: null },
    byType: {},
    byChannel: {},
    byRootCause: {},
  });

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * `count` consecutive ISO weeks from 2026-W27 with varied figures: first-response averages from 48 h down towards the
 * 4 h target (the seed's story), one week without any case (every average null) and one without surveys answered.
 */
export const weeklyReport = (count: number, overrides: Partial<KpiReport> = {}): KpiReport => {
  const periods = Array.from({ length: count }, (_, index): KpiPeriodFigures => {
    const start = new Date(Date.UTC(2026, 5, 29 + 7 * index));
    const end = new Date(Date.UTC(2026, 5, 29 + 7 * index + 6));
    const { label } = periodContaining(isoDay(start), 'week');
    if (index === 4) return { ...emptyPeriod(label), start: isoDay(start), end: isoDay(end) };
    const base = periodFigures(label, { start: isoDay(start), end: isoDay(end) });
    const avgMinutes = Math.max(120 + ((index * 37) % 90), 2880 * 0.55 ** index);
    const casesReceived = 900 + index * 31;
    const cohortCases = casesReceived - 20;
    const cohortResolved = Math.round((0.8 + ((index * 37) % 17) / 100) * cohortCases);
    const resolutionRate = cohortResolved / cohortCases;
    const satisfiedRate = index === 7 ? null : 0.78 + ((index * 23) % 13) / 100;
    return {
      ...base,
      casesReceived,
      firstResponse: {
        ...base.firstResponse,
        avgMinutes,
        avgCalendarMinutes: avgMinutes * 2.1,
        withinSlaRate: Math.min(1, 0.5 + index * 0.05),
        target: { target: 240, met: avgMinutes < 240 },
      },
      resolution: {
        ...base.resolution,
        cohortCases,
        cohortResolved,
        resolutionRate,
        withinSlaRate: 0.8 + ((index * 13) % 19) / 100,
        target: { target: 0.9, met: resolutionRate >= 0.9 },
      },
      csat: {
        ...base.csat,
        responses: satisfiedRate === null ? 0 : base.csat.responses,
        responseRate: satisfiedRate === null ? 0 : base.csat.responseRate,
        avgOverall: satisfiedRate === null ? null : base.csat.avgOverall,
        satisfiedRate,
        target: { target: 0.85, met: satisfiedRate === null ? null : satisfiedRate >= 0.85 },
      },
    };
  });
  return {
    storeId: 'store-1',
    timezone: 'Asia/Shanghai',
    period: 'week',
    from: periods[0]?.start ?? '2026-06-29',
    to: periods.at(-1)?.end ?? '2026-06-29',
    generatedAt: '2026-10-01T02:03:04.000Z',
    targets: DEFAULT_TARGETS,
    periods,
    ...overrides,
  };
};
