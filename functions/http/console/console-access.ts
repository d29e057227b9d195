import type { APIGatewayProxyResult } from 'aws-lambda';
import type { Locale } from '../../domain/case-vocabulary.js';
import { hasRole, type StaffRole, type StaffUser } from '../../domain/staff.js';
import { consoleMessagePage } from '../../pages/console/console-layout.js';
import { CONSOLE_WORDS } from '../../pages/console/console-words.js';
import { consoleHtml } from './console-route.js';

/**
 * The console's role rule, the API's: a page for admins (or supervisors) answers anyone else with a 403 page before it
 * reads or writes anything. Undefined when the user may go on.
 */
export const refusedUnless = (
  { user, locale }: { user: StaffUser; locale: Locale },
  ...roles: StaffRole[]
): APIGatewayProxyResult | undefined => {
  if (hasRole(user, ...roles)) return undefined;
  const words = CONSOLE_WORDS[locale];
  const allowed = roles.includes('supervisor') ? 'supervisors' : 'admins';
  return consoleHtml(403, consoleMessagePage(locale, words.roleRefusedTitle, words.roleRefused(allowed)));
};
