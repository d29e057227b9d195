/** Which AWS SDK failures are worth a retry with backoff: throttling, a 5xx, a dropped connection. */
const TRANSIENT_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'KmsThrottlingException',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

interface AwsErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

export const isTransientAwsError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, $metadata, $retryable } = error as AwsErrorShape;
  const status = $metadata?.httpStatusCode;
  return (
    (name !== undefined && TRANSIENT_NAMES.has(name)) ||
    (code !== undefined && TRANSIENT_NETWORK_CODES.has(code)) ||
    $retryable?.throttling === true ||
    status === 429 ||
    (status !== undefined && status >= 500)
  );
};
