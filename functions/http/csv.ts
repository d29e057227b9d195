import type { APIGatewayProxyResult } from 'aws-lambda';

/** A field as RFC 4180 writes it: quoted when it holds a comma, quote or line break; a quote doubled inside. */
export const csvField = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ would be run as a formula by a spreadsheet: such text fields are quoted and prefixed with '.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** A CSV document: a header row, then one row per record in the columns' order; CRLF line ends. */
export const csvDocument = <C extends string>(
  columns: readonly C[],
  rows: ReadonlyArray<Partial<Record<C, string | number | boolean | null>>>,
): string =>
  [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))]
    .map((line) => `${line}\r\n`)
    .join('');

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
