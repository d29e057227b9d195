import * as z from 'zod/mini';
import './zod-locale.js';
import { RATING_MAX, RATING_MIN, SURVEY_COMMENT_MAX_LENGTH, SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import { multiLineText } from './shared-fields.js';

/** The survey link's token (its shape is checked by the signature; this only bounds its size). */
export const surveyPathSchema = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)) });

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
const ratingNumber = z
  .number({ error: 'Required: a rating from 1 to 5' })
  .check(z.int(), z.gte(RATING_MIN), z.lte(RATING_MAX));
/** A value mended by `mend` before `schema` reads it (zod classic's `preprocess`). */
const preprocess = <S extends z.ZodMiniType>(mend: (value: unknown) => unknown, schema: S) =>
  z.pipe(z.transform(mend), schema);
const optionalRating = preprocess(ratingValue, z.optional(ratingNumber));

/** `?overall=N` from the email's quick links: only preselects; anything else is ignored rather than refused. */
export const surveyPageQuerySchema = z.looseObject({
  overall: z.catch(optionalRating, undefined),
});

/** Not optional in the schema itself: zod skips an absent key whose schema accepts undefined. */
const requiredRating = preprocess(ratingValue, ratingNumber);

/** The answer, from a form post or JSON: overall required, the other dimensions optional, the comment trimmed. */
export const surveyAnswerSchema = z.strictObject({
  ...Object.fromEntries(SURVEY_DIMENSIONS.map((dimension) => [dimension, optionalRating])),
  overall: requiredRating,
  comment: preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value),
    z.optional(multiLineText(SURVEY_COMMENT_MAX_LENGTH)),
  ),
}) as z.ZodMiniType<{
  overall: number;
  attitude?: number;
  professionalism?: number;
  problemSolving?: number;
  speed?: number;
  comment?: string;
}>;
