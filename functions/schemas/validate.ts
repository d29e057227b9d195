import { safeParse, type core } from 'zod/mini';
import { ValidationError } from '../domain/errors.js';

/** Parses with a zod schema (a 400 `ValidationError` when invalid); every invalid field is listed in the error's details, by dotted path. */
export const validate = <S extends core.$ZodType>(schema: S, value: unknown, label: string): core.output<S> => {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(`Invalid ${label}`, {
    details: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || label,
      message: issue.message,
    })),
  });
};
