import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CASE_TYPES, CHANNELS, ROOT_CAUSES } from '../../../functions/domain/case.js';
import type { KpiPeriodFigures } from '../../../functions/domain/kpi/kpi-report.js';
import { KPI_CSV_COLUMNS, kpiReportCsv } from '../../../functions/http/kpi-csv.js';
import { emptyPeriod, periodFigures, weeklyReport } from '../../support/kpi-reports.js';

/** Columns whose names are not the camel-cased path of their figure in the JSON. */
const IRREGULAR: Record<string, string> = {
  'firstResponse.count': 'firstResponseCount',
  'firstResponse.target.target': 'firstResponseTargetMaxMinutes',
  'resolution.resolutionRate': 'resolutionRate',
  'resolution.target.target': 'resolutionRateTargetMin',
  'resolution.target.met': 'resolutionRateTargetMet',
  'csat.target.target': 'csatTargetMin',
  'reopens.reopenedWithin7Days': 'reopensWithin7Days',
  'reopens.reopenRate': 'reopenRate',
};

/** The CSV column of a figure's path in the JSON, written out independently of the implementation. */
const columnOf = (path: string[]): string => {
  const dotted = path.join('.');
  if (IRREGULAR[dotted]) return IRREGULAR[dotted];
  const [head, key, leaf] = path;
  if (head === 'byType') return `${leaf}_type_${key}`;
  if (head === 'byChannel') return `${leaf}_channel_${key}`;
  if (head === 'byRootCause') return `${leaf}_rootCause_${key}`;
  if (head === 'csat' && key === 'dimensions') return `csatAvg_${leaf}`;
  if (head === 'escalationsByLevel') return `escalationsLevel${key}`;
  return path
    .filter((part, index) => !(part === 'target' && path[index + 1] === 'target'))
    .map((part, index) => (index === 0 ? part : part[0]?.toUpperCase() + part.slice(1)))
    .join('')
    .replace(/TargetTarget$/, 'Target');
};

/** Every leaf of a period's JSON: [path, value]. */
const leaves = (value: unknown, path: string[] = []): [string[], unknown][] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]))
    : [[path, value]];

const parsed = (csv: string): Record<string, string>[] =>
  parse(csv, { columns: true, record_delimiter: '\r\n', skip_empty_lines: false });

/** A period with an entry for every type, channel and root cause, so every column carries a figure. */
const everyBreakdown = (label: string): KpiPeriodFigures =>
  periodFigures(label, {
    byType: Object.fromEntries(CASE_TYPES.map((type, index) => [type, { received: 10 + index, resolved: index }])),
    byChannel: Object.fromEntries(CHANNELS.map((channel, index) => [channel, { received: 100 + index }])),
    byRootCause: Object.fromEntries(ROOT_CAUSES.map((cause, index) => [cause, { resolved: 50 + index }])),
  });

describe('Function: kpiReportCsv', () => {
  it('parses with a standard CSV parser back into every figure of the JSON, period by period', () => {
    const report = weeklyReport(13);
    report.periods[0] = everyBreakdown('2026-W27');
    const rows = parsed(kpiReportCsv(report));
    expect(rows).toHaveLength(13);
    const covered = new Set<string>();
    report.periods.forEach((figures, index) => {
      const row = rows[index] as Record<string, string>;
      for (const [path, value] of leaves(figures)) {
        const column = columnOf(path);
        covered.add(column);
        expect(Object.keys(row), column).toContain(column);
        const text = row[column];
        if (value === null) expect(text, column).toBe('');
        else if (typeof value === 'number') expect(Number(text), column).toBe(value);
        else expect(text, column).toBe(typeof value === 'string' ? value : JSON.stringify(value));
      }
      // A type, channel or root cause absent from the JSON had no case: 0, not empty.
      for (const column of KPI_CSV_COLUMNS.filter((name) => /_(type|channel|rootCause)_/.test(name))) {
        expect(row[column], column).toMatch(/^\d+$/);
      }
    });
    expect([...KPI_CSV_COLUMNS].sort()).toEqual([...covered].sort());
  });

  it('writes a stable header, numbers unformatted, rates with every digit, null as an empty cell, CRLF line ends', () => {
    const csv = kpiReportCsv({ ...weeklyReport(5), periods: [periodFigures('2026-W27'), emptyPeriod('2026-W28')] });
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toMatch(
      /^period,label,start,end,casesReceived,casesResolved,firstResponseCount,firstResponseAvgMinutes,firstResponseAvgCalendarMinutes,firstResponseWithinSlaRate,firstResponseTargetMaxMinutes,firstResponseTargetMet,/,
    );
    expect(lines[0]).toContain(',received_type_return,resolved_type_return,');
    expect(lines[0]).toContain(',received_channel_social,');
    expect(lines[0]?.endsWith(',resolved_rootCause_other')).toBe(true);
    const [busy, empty] = parsed(csv) as [Record<string, string>, Record<string, string>];
    expect(busy.casesReceived).toBe('1234');
    expect(busy.firstResponseAvgMinutes).toBe('187.123456789');
    expect(busy.csatResponseRate).toBe('0.3333333333333333');
    expect(busy.firstResponseTargetMet).toBe('true');
    expect(busy.csatAvg_problemSolving).toBe('');
    expect(empty.firstResponseAvgMinutes).toBe('');
    expect(empty.resolutionRate).toBe('');
    expect(empty.firstResponseTargetMet).toBe('');
    expect(empty.casesReceived).toBe('0');
    expect(empty.received_type_return).toBe('0');
  });

  it('writes the header alone for a range without periods', () => {
    const csv = kpiReportCsv(weeklyReport(0));
    expect(csv).toBe(`${KPI_CSV_COLUMNS.join(',')}\r\n`);
    expect(parsed(csv)).toEqual([]);
    expect(new Set(KPI_CSV_COLUMNS).size).toBe(KPI_CSV_COLUMNS.length);
  });

  it('quotes a text field holding a comma, a quote or a line break, and disarms one a spreadsheet would run', () => {
    const hostile = '=HYPERLINK("https://evil.example","x"),\r\n2026-W1';
    const csv = kpiReportCsv({ ...weeklyReport(1), periods: [periodFigures(hostile), periodFigures('a"b')] });
    const rows = parsed(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.label).toBe(`'${hostile}`);
    expect(rows[1]?.label).toBe('a"b');
    expect(rows[0]?.casesReceived).toBe('1234');
    expect(csv).toContain('"a""b"');
  });

  it('refuses a figure that is not a finite number rather than exporting it as data', () => {
    const broken = periodFigures('2026-W27', { casesReceived: Number.NaN });
    expect(() => kpiReportCsv({ ...weeklyReport(1), periods: [broken] })).toThrow(RangeError);
  });
});
