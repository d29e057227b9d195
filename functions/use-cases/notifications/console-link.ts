import { consoleCaseUrl } from '../../domain/console-links.js';
import type { Mailer } from '../../ports/mailer.js';

/**
 * How a staff email links its case: the case's page in the staff console, when the deployment says where the console
 * is (`Mailer.consoleBaseUrl`); nothing otherwise. Customer emails never link the console.
 */
export const staffCaseLink = (
  { consoleBaseUrl }: Pick<Mailer, 'consoleBaseUrl'>,
  caseId: string,
): { caseUrl?: string } => (consoleBaseUrl ? { caseUrl: consoleCaseUrl(consoleBaseUrl, caseId) } : {});
