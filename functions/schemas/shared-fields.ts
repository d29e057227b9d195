import * as z from 'zod/mini';
import './zod-locale.js';
import { textProblem, type TextLines } from '../domain/text-rules.js';
import { hasAtMostDecimals, isIsoCurrency, MAX_MONEY_AMOUNT } from '../domain/money.js';
import { durationBoundsText, durationProblem, type DurationBounds } from '../domain/duration.js';

/** Fields several request schemas share, so one rule (and one message) holds wherever the field appears. */

/** Text a person typed: trimmed, not blank, at most `max` characters, and the character rules of `text-rules.ts`. */
const personText = (max: number, lines: TextLines) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.superRefine((value, context) => {
      // Blank after trimming is `minLength(1)`'s to report, once.
      const problem = value === '' ? undefined : textProblem(value, lines);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  );

/** A name, subject, label or reference: one line, no control or bidi override characters, something visible. */
export const singleLineText = (max: number) =>
  personText(max, 'single').check(
    z.describe('One line of text: no line breaks, tabs, control or bidi override characters; something visible'),
  );

/** A description, message, note or reason: line breaks (LF or CRLF) and tabs allowed, no other control characters. */
export const multiLineText = (max: number) =>
  personText(max, 'multi').check(
    z.describe('Text: line breaks (LF, CRLF) and tabs allowed, no other control characters; something visible'),
  );

/** A finite number from `min` to `max` with at most `places` decimals: what every number a client sends is held to. */
const decimalNumber = (min: number, max: number, places: number) =>
  z.number().check(
    z.gte(min),
    z.lte(max),
    // multipleOf publishes the step in the JSON Schema; it lets 1e-300 through, so the refinement holds the rule.
    z.multipleOf(10 ** -places),
    z.refine(
      (value) => hasAtMostDecimals(value, places),
      places === 0 ? 'A whole number' : `At most ${places} decimals`,
    ),
  );

/** A share such as a target rate: 0 to 1, at most four decimals (0.905 is 90.5 %). */
export const shareOfOne = decimalNumber(0, 1, 4);

/** An amount of money: not negative, cents at most. */
export const moneyAmount = decimalNumber(0, MAX_MONEY_AMOUNT, 2);

/**
 * An ISO 8601 duration within `bounds` (PT1S to P366D unless told; PT0S only where zero means something), in whole
 * seconds: the one rule of `durationProblem`, so a duration means the same in every request.
 */
export const boundedDuration = (bounds: DurationBounds) =>
  z.string().check(
    z.maxLength(40),
    z.superRefine((value, context) => {
      const problem = durationProblem(value, bounds);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
    z.describe(`ISO 8601 duration in ${bounds.kind} time, ${durationBoundsText(bounds)}, whole seconds`),
  );

export const currencyCode = z.string().check(z.maxLength(3), z.refine(isIsoCurrency, 'An ISO 4217 code such as CNY'));

/** `?limit=&nextToken=` of every paginated listing. */
export const pageQueryFields = {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  nextToken: z.optional(z.string().check(z.maxLength(2048))),
};

/** The id is checked against the case-id pattern by the use case: a malformed id is a 404, like an unknown one. */
export const casePathSchema = z.strictObject({ caseId: z.string() });
/** An unknown or malformed attachment id is as missing as one not on the case: 404, not 400. */
export const caseAttachmentPathSchema = z.strictObject({ caseId: z.string(), attachmentId: z.string() });
