import type { CaseType, Channel, RootCause } from '../case.js';
import type { SurveyDimension } from '../aftercare/survey.js';

/** The grains a report is cut in: ISO weeks (Monday to Sunday), calendar months, calendar quarters, in the store's zone. */
export const REPORT_PERIODS = ['week', 'month', 'quarter'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The team's targets (seed 001), each overridable per store in its profile (`kpiTargets`). */
export interface KpiTargets {
  /** Average first-response time, business minutes: below this is met (240 = 4 business hours). */
  firstResponseMaxMinutes: number;
  /** Resolution rate (cohort, see the definitions): at or above this share is met. */
  resolutionRateMin: number;
  /** CSAT (share of answered surveys with overall >= 4): at or above this share is met. */
  csatMin: number;
}

/** A figure beside its target: `met` is null when there is nothing to judge (no case, no answer). */
export interface TargetCheck {
  target: number;
  met: boolean | null;
}

export interface KpiPeriodFigures {
  period: ReportPeriod;
  /** `2026-W27`, `2026-07`, `2026-Q3`. */
  label: string;
  /** First and last day of the period (store-local dates, inclusive). */
  start: string;
  end: string;
  casesReceived: number;
  /** Cases whose latest resolution fell in the period (a reopened case counts once, at its last resolution). */
  casesResolved: number;
  firstResponse: {
    count: number;
    /** Business minutes on the store's SLA calendar, awaiting-customer pauses excluded; null without a response. */
    avgMinutes: number | null;
    avgCalendarMinutes: number | null;
    withinSlaRate: number | null;
    target: TargetCheck;
  };
  resolution: {
    /** The cohort: cases received in the period, less those rejected or cancelled by its end. */
    cohortCases: number;
    /** ... of which resolved (or closed) at the period's end. */
    cohortResolved: number;
    resolutionRate: number | null;
    withinSlaRate: number | null;
    /** Business hours of the last round, pauses excluded, over `casesResolved`. */
    avgHours: number | null;
    avgCalendarHours: number | null;
    /** The lower median, as the upper bound of its histogram bin (see the definitions); null without a resolution. */
    medianHours: number | null;
    target: TargetCheck;
  };
  csat: {
    surveysSent: number;
    responses: number;
    /** Answers to surveys sent in the period / surveys sent in the period. */
    responseRate: number | null;
    avgOverall: number | null;
    satisfiedRate: number | null;
    /** Average rating per dimension over the answers that rated it. */
    dimensions: Record<SurveyDimension, number | null>;
    target: TargetCheck;
  };
  /** Escalation levels reached in the period, all milestones. */
  escalations: number;
  escalationsByLevel: Record<'1' | '2' | '3', number>;
  breaches: { firstResponse: number; resolution: number };
  reopens: { resolutions: number; reopenedWithin7Days: number; reopenRate: number | null };
  revisits: { completed: number; recurred: number; recurredRate: number | null };
  byType: Partial<Record<CaseType, { received: number; resolved: number }>>;
  byChannel: Partial<Record<Channel, { received: number }>>;
  byRootCause: Partial<Record<RootCause, { resolved: number }>>;
}

export interface KpiReport {
  storeId: string;
  storeName?: string;
  /** The store's reporting time zone (its profile's). */
  timezone: string;
  period: ReportPeriod;
  from: string;
  to: string;
  generatedAt: string;
  targets: KpiTargets;
  periods: KpiPeriodFigures[];
}
