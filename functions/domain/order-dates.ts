import type { CaseRequest } from './case.js';
import { ValidationError, type ErrorDetail } from './errors.js';

/**
 * How far ahead of our clock a storefront's order or delivery time may be: its clock may run a little fast, but an
 * order placed, or a parcel delivered, tomorrow is a mistake (and would stretch the return window it starts).
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60_000;

/** Each of `orderedAt` and `deliveredAt` that lies in the future (beyond the allowance), with its path. */
export const futureOrderDateProblems = (
  request: Pick<CaseRequest, 'orderedAt' | 'deliveredAt'>,
  now: Date,
): ErrorDetail[] => {
  const latest = now.getTime() + CLOCK_SKEW_ALLOWANCE_MS;
  return (['orderedAt', 'deliveredAt'] as const).flatMap((field) => {
    const value = request[field];
    return value !== undefined && Date.parse(value) > latest
      ? [{ path: field, message: `Must not be in the future (now is ${now.toISOString()})` }]
      : [];
  });
};

/** Throws a `ValidationError` (400) naming each future date. */
export const assertOrderDatesNotInFuture = (
  request: Pick<CaseRequest, 'orderedAt' | 'deliveredAt'>,
  now: Date,
): void => {
  const problems = futureOrderDateProblems(request, now);
  if (problems.length > 0) throw new ValidationError('Invalid order dates', { details: problems });
};
