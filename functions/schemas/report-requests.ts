import * as z from 'zod/mini';
import './zod-locale.js';
import { REPORT_PERIODS } from '../domain/kpi/kpi-report.js';
import { dayOfIsoDate } from '../domain/zoned-time.js';

/** Request schemas of `/v1/reports/*` (API.md "Reports"). Days are store-local dates in the store's reporting zone. */

/**
 * The last day a report may name: the periods holding a day of 9999 (its last ISO week, the day after it) would run
 * into year 10000, which has no YYYY-MM-DD date, so such a query is refused rather than failing with a 500.
 */
const LAST_REPORT_DAY = '9998-12-31';

const reportDay = z.string().check(
  z.maxLength(10),
  z.refine(
    (value) => dayOfIsoDate(value) !== undefined && value <= LAST_REPORT_DAY,
    `A calendar date YYYY-MM-DD, on or before ${LAST_REPORT_DAY}`,
  ),
  z.describe("A store-local date, YYYY-MM-DD, in the store's reporting time zone"),
);

const rangeFields = {
  from: z.optional(reportDay).check(z.describe('First day (default: the first day of the period holding `to`)')),
  to: z.optional(reportDay).check(z.describe("Last day (default: today in the store's zone)")),
};

/** `?limit=` of a report page: a whole number from 1 to `max`, `fallback` when absent. */
const pageLimit = (max: number, fallback: number, description: string) =>
  z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(max)), fallback).check(z.describe(description));

export const kpiReportQuerySchema = z.strictObject({
  ...rangeFields,
  period: z._default(z.enum(REPORT_PERIODS), 'week'),
  /** Instead of `Accept`: `csv` for the CSV, `html` for the chart page. */
  format: z.optional(z.enum(['json', 'csv', 'html'])),
});
export type KpiReportQuery = z.output<typeof kpiReportQuerySchema>;

export const csatReportQuerySchema = z.strictObject({
  ...rangeFields,
  limit: pageLimit(200, 50, 'Answers (with comments) per page'),
  nextToken: z.optional(z.string().check(z.maxLength(2048))),
});
export type CsatReportQuery = z.output<typeof csatReportQuerySchema>;

export const caseExportQuerySchema = z.strictObject({
  ...rangeFields,
  limit: pageLimit(5_000, 1_000, 'Cases per page (rows of CSV)'),
  nextToken: z.optional(z.string().check(z.maxLength(2048))),
});
export type CaseExportQuery = z.output<typeof caseExportQuerySchema>;
