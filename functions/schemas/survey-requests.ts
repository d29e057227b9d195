import * as z from 'zod';
import { RATING_MAX, RATING_MIN, SURVEY_COMMENT_MAX_LENGTH, SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import { multiLineText } from './shared-fields.js';

/** The survey link's token (its shape is checked by the signature; this only bounds its size). */
export const surveyPathSchema = z.strictObject({ token: z.string().min(1).max(200) });

/**
 * A rating as a form sends it ("4") or as JSON may (4); an empty form value is no answer. Only plain digits become a
 * number: `Number()` would also read "0x5", "+5", " 5", "05", "1e0" and "5.0" as ratings no form offers.
 */
const ratingValue = (value: unknown): unknown =>
  value === '' || value === null
    ? undefined
    : typeof value === 'string' && /^[1-9][0-9]{0,2}$/.test(value)
      ? Number(value)
      : value;
const ratingNumber = z.number({ error: 'Required: a rating from 1 to 5' }).int().min(RATING_MIN).max(RATING_MAX);
const optionalRating = z.preprocess(ratingValue, ratingNumber.optional());

/** `?overall=N` from the email's quick links: only preselects; anything else is ignored rather than refused. */
export const surveyPageQuerySchema = z.looseObject({
  overall: optionalRating.catch(undefined),
});

/** Not optional in the schema itself: zod skips an absent key whose schema accepts undefined. */
const requiredRating = z.preprocess(ratingValue, ratingNumber);

/** The answer, from a form post or JSON: overall required, the other dimensions optional, the comment trimmed. */
export const surveyAnswerSchema = z.strictObject({
  ...Object.fromEntries(SURVEY_DIMENSIONS.map((dimension) => [dimension, optionalRating])),
  overall: requiredRating,
  comment: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value),
    multiLineText(SURVEY_COMMENT_MAX_LENGTH).optional(),
  ),
}) as z.ZodType<{
  overall: number;
  attitude?: number;
  professionalism?: number;
  problemSolving?: number;
  speed?: number;
  comment?: string;
}>;
