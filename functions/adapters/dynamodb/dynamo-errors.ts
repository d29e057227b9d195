import { TransientError, WriteConflictError } from '../../domain/errors.js';
import { isTransientAwsError } from '../transient-errors.js';

interface CancellationReason {
  Code?: string;
  Item?: Record<string, unknown>;
}

export const cancellationReasons = (error: unknown): CancellationReason[] =>
  error instanceof Error && error.name === 'TransactionCanceledException'
    ? ((error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [])
    : [];

/** Throttling, server faults and transaction conflicts are retried by the caller (the workflow's Retry or the client). */
export const asTransientIfRetryable = (error: unknown): unknown => {
  if (!(error instanceof Error)) return error;
  if (isTransientAwsError(error) || error.name === 'TransactionInProgressException') {
    return new TransientError(`DynamoDB: ${error.name}`, { cause: error });
  }
  const reasons = cancellationReasons(error);
  if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
    return new WriteConflictError('DynamoDB: transaction conflict', { cause: error });
  }
  if (reasons.some((reason) => reason.Code === 'ThrottlingError')) {
    return new TransientError('DynamoDB: transaction throttled', { cause: error });
  }
  return error;
};

/** Awaits a single request, turning retryable failures into `TransientError`. */
export const guarded = async <T>(request: Promise<T>): Promise<T> => {
  try {
    return await request;
  } catch (error) {
    throw asTransientIfRetryable(error);
  }
};
