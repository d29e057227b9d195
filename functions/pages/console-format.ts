import type { Locale } from '../domain/case.js';
import type { ConsoleCaseWords } from './console-case-words.js';

/** How the console writes times, spans, money and sizes: in the user's language and the store's timezone. */

/**
 * A span as people say it, rounded down so a deadline is never shown later than it is: "35 min", "2 h 10 min" under
 * ten hours, "14 h", "3 d".
 */
export const spanText = (milliseconds: number, words: ConsoleCaseWords['sla']): string => {
  const minutes = Math.max(1, Math.floor(Math.abs(milliseconds) / 60_000));
  if (minutes < 60) return words.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 10 && minutes % 60 !== 0) return `${words.hours(hours)} ${words.minutes(minutes % 60)}`;
  if (hours < 48) return words.hours(hours);
  return words.days(Math.floor(hours / 24));
};

/** "due in 2 h" / "breached 35 min ago" / "due now" (under a minute either way). */
export const dueText = (dueAt: string, now: Date, words: ConsoleCaseWords['sla']): string => {
  const left = Date.parse(dueAt) - now.getTime();
  if (Math.abs(left) < 60_000) return words.dueNow;
  return left > 0 ? words.dueIn(spanText(left, words)) : words.breachedAgo(spanText(left, words));
};

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
