import type { APIGatewayProxyResult } from 'aws-lambda';

/** A spreadsheet runs a cell starting with one of these as a formula (CSV injection): such text gets a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field as RFC 4180 writes it: empty for null, numbers unformatted (every digit JavaScript keeps; a non-finite one is a
 * bug upstream and throws rather than export "NaN" as data), text quoted only when it holds a comma, quote or line break.
 */
export const csvField = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One CSV line (CRLF ended). */
export const csvLine = (cells: ReadonlyArray<string | number | boolean | null | undefined>): string =>
  `${cells.map(csvField).join(',')}\r\n`;

/** A CSV document: a header row, then one row per record in the columns' order; CRLF line ends. */
export const csvDocument = <C extends string>(
  columns: readonly C[],
  rows: ReadonlyArray<Partial<Record<C, string | number | boolean | null>>>,
): string => [csvLine(columns), ...rows.map((row) => csvLine(columns.map((column) => row[column])))].join('');

/** Whether the caller asked for CSV: `format=csv`, or an `Accept` that prefers text/csv to JSON. */
export const wantsCsv = (format: string | undefined, accept: string | undefined): boolean =>
  format === 'csv' ||
  (format === undefined && /text\/csv/i.test(accept ?? '') && !/application\/json/i.test(accept ?? ''));

export const csvResponse = (
  body: string,
  fileName: string,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    ...headers,
  },
  body,
});
