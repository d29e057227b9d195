import { ValidationError } from '../domain/errors.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../domain/idempotency.js';

/** The request's `Idempotency-Key` header (intake and customer messages): absent, or 400 naming it when malformed. */
export const idempotencyKeyOf = (headers: Record<string, string | undefined>): string | undefined => {
  const idempotencyKey = headers['idempotency-key'];
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    throw new ValidationError('Invalid Idempotency-Key', {
      details: [{ path: 'Idempotency-Key', message: '1 to 255 printable ASCII characters' }],
    });
  }
  return idempotencyKey;
};
