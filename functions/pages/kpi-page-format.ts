import type { Locale } from '../domain/case.js';
import type { TargetCheck } from '../domain/kpi/kpi-report.js';
import { escapeHtml } from '../email/render.js';
import type { KpiPageWords } from './kpi-page-words.js';

/** How the KPI page writes its figures for people: localized, a null always "no data". */
export interface Formats {
  count: (value: number) => string;
  hours: (value: number | null) => string;
  percent: (value: number | null) => string;
  rating: (value: number | null) => string;
  /** A target as people say it: "4 h", "4.5 h". */
  targetHours: (value: number) => string;
}

export const formatsFor = (locale: Locale, words: KpiPageWords): Formats => {
  const count = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const upToOneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    count: (value) => count.format(value),
    hours: (value) => (value === null ? words.noData : `${oneDecimal.format(value)} ${words.hoursUnit}`),
    percent: (value) => (value === null ? words.noData : percent.format(value)),
    rating: (value) => (value === null ? words.noData : oneDecimal.format(value)),
    targetHours: (value) => `${upToOneDecimal.format(value)} ${words.hoursUnit}`,
  };
};

export const hoursOf = (minutes: number | null): number | null => (minutes === null ? null : minutes / 60);
export const percentOf = (rate: number | null): number | null => (rate === null ? null : rate * 100);

/** Met/missed in words, with a sign; the colour only repeats it. */
export const verdictCell = (words: KpiPageWords, check: TargetCheck): string => {
  if (check.met === null) return `<td class="none">${escapeHtml(words.noData)}</td>`;
  return check.met
    ? `<td class="met">✓ ${escapeHtml(words.met)}</td>`
    : `<td class="missed">✗ ${escapeHtml(words.missed)}</td>`;
};

export const cell = (text: string): string => `<td>${escapeHtml(text)}</td>`;
