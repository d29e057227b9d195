import type { z } from 'zod';
import { ValidationError } from '../domain/errors.js';

/** Parses with a zod schema; every invalid field is listed in the error's details, by dotted path. */
export const validate = <S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(`Invalid ${label}`, {
    details: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || label,
      message: issue.message,
    })),
  });
};
