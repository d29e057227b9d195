import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every function. Log identifiers (caseId, storeId), never a customer's name,
 * email address or message text.
 */
export const logger = new Logger({ serviceName: 'after-sales' });
