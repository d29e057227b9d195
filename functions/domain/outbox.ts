import type { Assignee, Case, ReopenReason, Resolution } from './case.js';
import {
  assignedNotificationKey,
  awaitingCustomerNotificationKey,
  cancelledNotificationKey,
  reopenedNotificationKey,
  replyNotificationKey,
  resolvedNotificationKey,
} from './notification-keys.js';

/**
 * An email a staff or customer action decided, written as an outbox item in the same transaction as the action and sent afterwards
 * by the work queue's consumer (`use-cases/notifications/outbox.ts`). It carries what the email says as the action saw
 * it (the reply's text, the resolution, the assignee), so a send seconds later says the same; the rest (the case's
 * number, the customer, the store's name) is read when it is sent.
 */
export type OutboxNotice =
  /** To the customer: a public reply (`reply_<eventId>`). */
  | { kind: 'reply'; replyEventId: string; body: string; authorName: string; fileNames?: string[] }
  /** To the customer: we need your answer (`awaiting_customer_<eventId>`), quoting the latest public reply. */
  | { kind: 'awaiting_customer'; eventId: string }
  /** To the customer: resolved, in round `round` (`case_resolved[_r<n>]`). */
  | { kind: 'resolved'; resolution: Resolution; round?: number }
  /**
   * To the customer, the agent (at `agentEmail`, as the action read it from the directory) and for a P1 the
   * supervisors: who handles the case (`case_assigned_<agentId>_<at>`).
   */
  | { kind: 'assigned'; assignee: Assignee; agentEmail?: string }
  /** To the customer: the case is open again in round `round`, and who has it (`case_reopened_r<n>`). */
  | { kind: 'reopened'; reason: ReopenReason; round: number; assignee?: Assignee }
  /** To the customer: the cancellation they asked for (`case_cancelled`), with its reason as stored on the case. */
  | { kind: 'cancelled' };

export interface OutboxItem {
  /** The notification key of the (first) email it sends: unique per case, the item's identity. */
  key: string;
  /** When the action wrote it: the sweep picks up items left over a minute. */
  at: string;
  notice: OutboxNotice;
}

/** The key of each notice: the one its email is recorded under (`notification-keys.ts`). */
export const outboxKey = (notice: OutboxNotice): string => {
  switch (notice.kind) {
    case 'reply':
      return replyNotificationKey(notice.replyEventId);
    case 'awaiting_customer':
      return awaitingCustomerNotificationKey(notice.eventId);
    case 'resolved':
      return resolvedNotificationKey(notice.round === undefined ? {} : { round: notice.round });
    case 'assigned':
      return assignedNotificationKey(notice.assignee);
    case 'reopened':
      return reopenedNotificationKey({ round: notice.round });
    case 'cancelled':
      return cancelledNotificationKey();
  }
};

/** The outbox item of a notice decided at `at`. */
export const outboxItem = (notice: OutboxNotice, at: string): OutboxItem => ({ key: outboxKey(notice), at, notice });

/** The case a notice is sent about: the case as stored now, with what the action decided on it. */
export const caseForNotice = (current: Case, notice: OutboxNotice): Case => {
  switch (notice.kind) {
    case 'resolved':
      return {
        ...current,
        resolution: notice.resolution,
        ...(notice.round !== undefined ? { round: notice.round } : {}),
      };
    case 'assigned':
      return { ...current, assignee: notice.assignee };
    case 'reopened': {
      const { assignee: _assignee, ...unassigned } = current;
      return { ...unassigned, round: notice.round, ...(notice.assignee ? { assignee: notice.assignee } : {}) };
    }
    default:
      return current;
  }
};
