import { roundKey, type Assignee, type Case } from './case.js';

/**
 * The notification keys of the customer emails staff actions decide: one per email and case, recorded in the case's
 * `notificationsSent` once sent. The notices that send them and the outbox items that stand for them both use these,
 * so an email is never sent twice, nor never, for a key spelled two ways.
 */
export const replyNotificationKey = (replyEventId: string): string => `reply_${replyEventId}`;
export const awaitingCustomerNotificationKey = (eventId: string): string => `awaiting_customer_${eventId}`;
export const assignedNotificationKey = ({ agentId, assignedAt }: Pick<Assignee, 'agentId' | 'assignedAt'>): string =>
  `case_assigned_${agentId}_${assignedAt}`;
/** The agent's own email about an assignment: one per assignment, beside the customer's `case_assigned_…`. */
export const agentAssignedNotificationKey = ({
  agentId,
  assignedAt,
}: Pick<Assignee, 'agentId' | 'assignedAt'>): string => `agent_assigned_${agentId}_${assignedAt}`;
export const resolvedNotificationKey = (value: Pick<Case, 'round'>): string => roundKey(value, 'case_resolved');
/** Once per case: a cancelled case is never reopened. */
export const cancelledNotificationKey = (): string => 'case_cancelled';
export const reopenedNotificationKey = (value: Pick<Case, 'round'>): string => roundKey(value, 'case_reopened');
/** The agent's own email about a reopening that returned the case to them: one per round, beside the customer's. */
export const agentReopenedNotificationKey = (value: Pick<Case, 'round'>, agentId: string): string =>
  `${roundKey(value, 'agent_reopened')}_${agentId}`;
