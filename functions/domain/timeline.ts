/** Timeline events: every change to a case leaves one, saying who did what, when, and from/to. */

export type ActorKind = 'customer' | 'storefront' | 'system' | 'staff';

export interface Actor {
  kind: ActorKind;
  id?: string;
  name?: string;
}

export const SYSTEM: Actor = { kind: 'system', id: 'workflow' };

export type TimelineEventType =
  | 'case_submitted'
  | 'decision_made'
  | 'review_requested'
  | 'review_reminder_sent'
  | 'status_changed'
  | 'customer_notified'
  | 'supervisors_notified'
  | 'workflow_failed'
  | 'classified'
  | 'priority_overridden'
  | 'assigned'
  | 'queued_unassigned'
  /** A public reply by staff: `details.body`, `details.authorName`; emailed to the customer. */
  | 'reply_sent'
  /** The customer's message relayed by the storefront: `details.body`. */
  | 'customer_message'
  /** Internal note: `details.body`; never shown to the customer. */
  | 'note_added'
  | 'resolved'
  | 'cancelled'
  | 'notification_failed'
  /** An SLA target was missed: `details.milestone`, `details.dueAt`. */
  | 'sla_breached'
  /** The optional warning before a breach: `details.milestone`, `details.dueAt`, `details.notified`. */
  | 'sla_warning'
  /** An escalation level was reached: `details.milestone`, `details.level`, `details.notified`, `details.reassignedTo`. */
  | 'escalated';

export interface TimelineEvent {
  caseId: string;
  eventId: string;
  at: string;
  type: TimelineEventType;
  actor: Actor;
  /** Public events are shown to the customer; internal ones only to staff. */
  visibility: 'public' | 'internal';
  from?: string;
  to?: string;
  details?: Record<string, unknown>;
}
