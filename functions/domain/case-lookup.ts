import { CASE_NUMBER_PATTERN } from './case-number.js';

/**
 * How staff find a case by what a customer quotes: its number (`AS-20261207-0001`), their order, their email address.
 */

/** The longest case number looked up: a 10-character prefix, the day, a 12-digit sequence. */
export const MAX_CASE_NUMBER_LENGTH = 32;

/**
 * A case number as typed: trimmed and upper-cased (`as-20261207-0001` is the same case), undefined when it cannot be
 * one (then no case has it: the lookup answers 404 without reading).
 */
export const normalizedCaseNumber = (raw: string): string | undefined => {
  const value = raw.trim().toUpperCase();
  return value.length <= MAX_CASE_NUMBER_LENGTH && CASE_NUMBER_PATTERN.test(value) ? value : undefined;
};

/**
 * An email address as the search index keys it: trimmed, Unicode NFC, lower-cased. Exact match only, so
 * `Li.Lei@Example.com ` finds `li.lei@example.com`; no other rewriting (dots and `+tags` are the mailbox owner's).
 */
export const normalizedEmail = (raw: string): string => raw.trim().normalize('NFC').toLowerCase();
