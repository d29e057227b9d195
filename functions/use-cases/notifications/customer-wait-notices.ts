import type { Case } from '../../domain/case.js';
import { sendNotice, type MailDependencies } from './customer-notices.js';

/** To the customer: the one reminder of the wait that began at `since` (keyed by it: one per wait). */
export const remindAwaitedCustomer = (
  dependencies: MailDependencies,
  value: Case,
  { key, closesCase }: { key: string; closesCase: boolean },
): Promise<void> =>
  sendNotice(dependencies, value, key, (store) => ({
    audience: 'customer',
    template: {
      kind: 'awaiting_customer_reminder',
      caseNumber: value.caseNumber,
      customerName: value.customer.name,
      storeName: store.name,
      closesCase,
    },
  }));

/** To the supervisors: the wait for the customer passed the store's limit; the case is flagged for them. */
export const notifyCustomerWaitOverdue = (
  dependencies: MailDependencies,
  value: Case,
  { since, timezone }: { since: Date; timezone: string },
): Promise<void> =>
  sendNotice(dependencies, value, `awaiting_customer_overdue_${since.toISOString()}`, (store) => ({
    audience: 'supervisors',
    template: {
      kind: 'awaiting_customer_overdue',
      caseNumber: value.caseNumber,
      caseId: value.caseId,
      storeName: store.name,
      ...(value.assignee ? { agentName: value.assignee.name } : {}),
      since: since.toISOString(),
      timezone,
    },
  }));
