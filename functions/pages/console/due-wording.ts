import type { Locale } from '../../domain/case-vocabulary.js';

/**
 * How the console says an SLA due time relative to now ("due in 2 h", "breached 35 min ago"), in both languages. The
 * server renders these words and the console's clock script (`clock-script-source.ts`, bundled from this file) says
 * them again as time passes, so both use this one implementation. It imports nothing but types: the browser bundle
 * carries only these words.
 *
 * Two wordings exist, each tested as it is: the queue's table (minutes under two hours, then hours, then "3 days") and
 * the case page's clocks ("due now" under a minute, "2 h 30 min" under ten hours, "3 d").
 */

/** The queue table's words. */
export interface QueueDueWords {
  dueIn: (span: string) => string;
  breachedAgo: (span: string) => string;
  span: { minutes: (n: number) => string; hours: (n: number) => string; days: (n: number) => string };
}

/** The case page's clock words. */
export interface CaseDueWords {
  dueIn: (span: string) => string;
  dueNow: string;
  breachedAgo: (span: string) => string;
  minutes: (count: number) => string;
  hours: (count: number) => string;
  days: (count: number) => string;
}

export const QUEUE_DUE_WORDS: Record<Locale, QueueDueWords> = {
  en: {
    dueIn: (span) => `due in ${span}`,
    breachedAgo: (span) => `breached ${span} ago`,
    span: {
      minutes: (n) => `${n} min`,
      hours: (n) => `${n} h`,
      days: (n) => (n === 1 ? '1 day' : `${n} days`),
    },
  },
  'zh-CN': {
    dueIn: (span) => `${span}后到期`,
    breachedAgo: (span) => `已超时 ${span}`,
    span: {
      minutes: (n) => `${n} 分钟`,
      hours: (n) => `${n} 小时`,
      days: (n) => `${n} 天`,
    },
  },
};

export const CASE_DUE_WORDS: Record<Locale, CaseDueWords> = {
  en: {
    dueIn: (span) => `due in ${span}`,
    dueNow: 'due now',
    breachedAgo: (span) => `breached ${span} ago`,
    minutes: (count) => `${count} min`,
    hours: (count) => `${count} h`,
    days: (count) => `${count} d`,
  },
  'zh-CN': {
    dueIn: (span) => `${span}后到期`,
    dueNow: '即将到期',
    breachedAgo: (span) => `已超时 ${span}`,
    minutes: (count) => `${count} 分钟`,
    hours: (count) => `${count} 小时`,
    days: (count) => `${count} 天`,
  },
};

/**
 * The queue's wording: the span between now and a due time, rounded down to minutes under two hours, hours under two
 * days, else days. A due time at this very instant is still "due in 0 min".
 */
export const queueDueText = (words: QueueDueWords, dueAt: Date, now: Date): string => {
  const ms = dueAt.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const span =
    minutes < 120
      ? words.span.minutes(minutes)
      : minutes < 48 * 60
        ? words.span.hours(Math.floor(minutes / 60))
        : words.span.days(Math.floor(minutes / (24 * 60)));
  return ms >= 0 ? words.dueIn(span) : words.breachedAgo(span);
};

/**
 * The case page's span as people say it, rounded down so a deadline is never shown later than it is: "35 min",
 * "2 h 10 min" under ten hours, "14 h", "3 d".
 */
export const caseSpanText = (milliseconds: number, words: CaseDueWords): string => {
  const minutes = Math.max(1, Math.floor(Math.abs(milliseconds) / 60_000));
  if (minutes < 60) return words.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 10 && minutes % 60 !== 0) return `${words.hours(hours)} ${words.minutes(minutes % 60)}`;
  if (hours < 48) return words.hours(hours);
  return words.days(Math.floor(hours / 24));
};

/** The case page's wording: "due in 2 h" / "breached 35 min ago" / "due now" (under a minute either way). */
export const caseDueText = (dueAt: string, now: Date, words: CaseDueWords): string => {
  const left = Date.parse(dueAt) - now.getTime();
  if (Math.abs(left) < 60_000) return words.dueNow;
  return left > 0 ? words.dueIn(caseSpanText(left, words)) : words.breachedAgo(caseSpanText(left, words));
};

/** The kinds of clock a page marks (`data-clock` on a `<time>`), each with its wording. */
export type ClockKind = 'queue' | 'case';
