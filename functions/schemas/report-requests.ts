import * as z from 'zod';
import { REPORT_PERIODS } from '../domain/kpi/kpi-report.js';
import { dayOfIsoDate } from '../domain/zoned-time.js';

/** Request schemas of `/v1/reports/*` (API.md "Reports"). Days are store-local dates in the store's reporting zone. */

/**
 * The last day a report may name: the periods holding a day of 9999 (its last ISO week, the day after it) would run
 * into year 10000, which has no YYYY-MM-DD date, so such a query is refused rather than failing with a 500.
 */
const LAST_REPORT_DAY = '9998-12-31';

const reportDay = z
  .string()
  .max(10)
  .refine(
    (value) => dayOfIsoDate(value) !== undefined && value <= LAST_REPORT_DAY,
    `A calendar date YYYY-MM-DD, on or before ${LAST_REPORT_DAY}`,
  )
  .describe("A store-local date, YYYY-MM-DD, in the store's reporting time zone");

const rangeFields = {
  from: reportDay.optional().describe('First day (default: the first day of the period holding `to`)'),
  to: reportDay.optional().describe("Last day (default: today in the store's zone)"),
};

export const kpiReportQuerySchema = z.strictObject({
  ...rangeFields,
  period: z.enum(REPORT_PERIODS).default('week'),
  /** Instead of `Accept`: `csv` for the CSV, `html` for the chart page. */
  format: z.enum(['json', 'csv', 'html']).optional(),
});
export type KpiReportQuery = z.output<typeof kpiReportQuerySchema>;

export const csatReportQuerySchema = z.strictObject({
  ...rangeFields,
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Answers (with comments) per page'),
  nextToken: z.string().max(2048).optional(),
});
export type CsatReportQuery = z.output<typeof csatReportQuerySchema>;

export const caseExportQuerySchema = z.strictObject({
  ...rangeFields,
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000).describe('Cases per page (rows of CSV)'),
  nextToken: z.string().max(2048).optional(),
});
export type CaseExportQuery = z.output<typeof caseExportQuerySchema>;
