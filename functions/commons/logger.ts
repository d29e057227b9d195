import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every function. Log identifiers (caseId, storeId), never a customer's name,
 * email address or message text.
 */
export const logger = new Logger({ serviceName: 'after-sales' });

/**
 * What a log line or a timeline event says of a failure: the error's class name only, since messages of mail and
 * database errors can carry addresses. Anything thrown that is not an `Error` is `UnknownError`.
 */
export const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'UnknownError');
