import { expect } from 'vitest';
import { ValidationError, type ErrorDetail } from '../../../functions/domain/errors.js';
import { validate } from '../../../functions/http/validation.js';

/** Every invalid field `validate` reports, as the API's error details list them (`label` for the whole input). */
export const invalidDetails = (
  schema: Parameters<typeof validate>[0],
  value: unknown,
  label = 'body',
): ErrorDetail[] => {
  try {
    validate(schema, value, label);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details ?? [];
  }
  throw new Error('expected a validation error');
};

export const invalidPaths = (schema: Parameters<typeof validate>[0], value: unknown, label = 'body'): string[] =>
  invalidDetails(schema, value, label).map((detail) => detail.path);
