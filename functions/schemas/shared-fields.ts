import * as z from 'zod';
import { textProblem, type TextLines } from '../domain/text-rules.js';
import { isIsoCurrency } from '../domain/money.js';

/** Fields several request schemas share, so one rule (and one message) holds wherever the field appears. */

/** Text a person typed: trimmed, not blank, at most `max` characters, and the character rules of `text-rules.ts`. */
const personText = (max: number, lines: TextLines) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, context) => {
      // Blank after trimming is `min(1)`'s to report, once.
      const problem = value === '' ? undefined : textProblem(value, lines);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });

/** A name, subject, label or reference: one line, no control or bidi override characters, something visible. */
export const singleLineText = (max: number) =>
  personText(max, 'single').describe(
    'One line of text: no line breaks, tabs, control or bidi override characters; something visible',
  );

/** A description, message, note or reason: line breaks (LF or CRLF) and tabs allowed, no other control characters. */
export const multiLineText = (max: number) =>
  personText(max, 'multi').describe(
    'Text: line breaks (LF, CRLF) and tabs allowed, no other control characters; something visible',
  );

/** @deprecated Say which: `singleLineText` (what this now is) or `multiLineText`. */
export const trimmedText = singleLineText;

/** An amount of money: not negative, cents at most. */
export const moneyAmount = z.number().min(0).max(10_000_000).multipleOf(0.01, 'At most two decimals');

export const currencyCode = z.string().max(3).refine(isIsoCurrency, 'An ISO 4217 code such as CNY');

/** `?limit=&nextToken=` of every paginated listing. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  nextToken: z.string().max(2048).optional(),
};

/** The id is checked against the case-id pattern by the use case: a malformed id is a 404, like an unknown one. */
export const casePathSchema = z.strictObject({ caseId: z.string() });
/** An unknown or malformed attachment id is as missing as one not on the case: 404, not 400. */
export const caseAttachmentPathSchema = z.strictObject({ caseId: z.string(), attachmentId: z.string() });
