import { ValidationError } from '../errors.js';
import type { ReportPeriod } from './kpi-report.js';
import { daysBetween, periodContaining, periodsCovering, type ReportPeriodRange } from './report-calendar.js';

/** The longest range a report covers: two years of days (8 quarters, 105 weeks); a longer one is a 400 naming `from`. */
export const MAX_REPORT_DAYS = 731;

export interface ReportRangeQuery {
  from?: string;
  to?: string;
  period: ReportPeriod;
}

export interface ReportRange {
  from: string;
  to: string;
  periods: ReportPeriodRange[];
  /** The first and last day the periods hold: what the report reads. */
  firstDay: string;
  lastDay: string;
}

/**
 * The periods a report shows: each whole period holding a day of `from`..`to`. Without `to`, today (store-local);
 * without `from`, the first day of the period holding `to` (so the default report is the current period).
 */
export const reportRange = ({ from, to, period }: ReportRangeQuery, today: string): ReportRange => {
  const last = to ?? today;
  const first = from ?? periodContaining(last, period).start;
  if (first > last) {
    throw new ValidationError('from is after to', { details: [{ path: 'from', message: 'On or before to' }] });
  }
  if (daysBetween(first, last) >= MAX_REPORT_DAYS) {
    throw new ValidationError('The range is too long', {
      details: [{ path: 'from', message: `At most ${MAX_REPORT_DAYS} days before to` }],
    });
  }
  const periods = periodsCovering(first, last, period);
  return {
    from: first,
    to: last,
    periods,
    firstDay: periods[0]?.start ?? first,
    lastDay: periods.at(-1)?.end ?? last,
  };
};
