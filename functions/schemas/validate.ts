import { safeParse, type core } from 'zod/mini';
import { ValidationError } from '../domain/errors.js';

// The zod issues behind a ValidationError's details (same order), for a page that words them in the reader's language.
const issuesBehind = new WeakMap<ValidationError, readonly core.$ZodIssue[]>();

/** The zod issues `validate` refused with, one per detail; undefined for a ValidationError raised elsewhere. */
export const zodIssuesOf = (error: ValidationError): readonly core.$ZodIssue[] | undefined => issuesBehind.get(error);

/** Parses with a zod schema (a 400 `ValidationError` when invalid); every invalid field is listed in the error's details, by dotted path. */
export const validate = <S extends core.$ZodType>(schema: S, value: unknown, label: string): core.output<S> => {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  const error = new ValidationError(`Invalid ${label}`, {
    details: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || label,
      message: issue.message,
    })),
  });
  issuesBehind.set(error, result.error.issues);
  throw error;
};
