import type { Locale } from '../domain/case.js';

/** How the console writes times, spans, money and sizes: in the user's language and the store's timezone. */

/** The case page's "due in 2 h 30 min" / "breached 35 min ago" / "due now" (`console/due-wording.ts`, shared with the clock script). */
export { caseSpanText as spanText, caseDueText as dueText } from './console/due-wording.js';

/** A date and time in the store's timezone, e.g. "7 Dec 2026, 14:05" / "2026年12月7日 14:05". */
export const timeText = (iso: string, locale: Locale, timeZone: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hour12: false }).format(
    date,
  );
};

export const moneyText = (amount: number, currency: string, locale: Locale): string => {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
};

/** Bytes as "340 KB" / "1.2 MB". */
export const sizeText = (bytes: number, locale: Locale): string => {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
};
