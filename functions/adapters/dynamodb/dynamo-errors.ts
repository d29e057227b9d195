import { TransientError } from '../../domain/errors.js';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
]);

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
  if (TRANSIENT_NAMES.has(error.name)) return new TransientError(`DynamoDB: ${error.name}`, { cause: error });
  if (
    cancellationReasons(error).some(
      (reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError',
    )
  ) {
    return new TransientError('DynamoDB: transaction conflict', { cause: error });
  }
  return error;
};
