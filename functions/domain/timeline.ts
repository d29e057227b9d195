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
  /** A wait for the customer passed the store's limit and the store flags such cases: `details.since`. */
  | 'customer_wait_flagged'
  /** Staff restarted a failed workflow: `details.execution` (the new run), `details.failedState`, `details.error`. */
  | 'workflow_retried'
  | 'classified'
  | 'priority_overridden'
  | 'assigned'
  | 'queued_unassigned'
  /** A public reply by staff: `details.body`, `details.authorName`; emailed to the customer. */
  | 'reply_sent'
  /** The customer's message relayed by the storefront: `details.body`; `details.attachments` (ids) sent with it. */
  | 'customer_message'
  /** Internal note: `details.body`; never shown to the customer. */
  | 'note_added'
  | 'resolved'
  /** Internal: an agent's resolution awaits a supervisor's approval: `details.resolution` (a new one replaces it). */
  | 'resolution_approval_requested'
  /** Internal: a supervisor approved the pending resolution (a `resolved` event follows): `details.requestedBy`, `note`. */
  | 'resolution_approved'
  /** Internal: a supervisor declined it; the case stays open: `details.resolution`, `details.requestedBy`, `note`. */
  | 'resolution_declined'
  | 'cancelled'
  | 'notification_failed'
  /** An SLA target was missed: `details.milestone`, `details.dueAt`. */
  | 'sla_breached'
  /** The optional warning before a breach: `details.milestone`, `details.dueAt`, `details.notified`. */
  | 'sla_warning'
  /** An escalation level was reached: `details.milestone`, `details.level`, `details.notified`, `details.reassignedTo`. */
  | 'escalated'
  /** The survey email went out: `details.round`, `details.expiresAt`, `details.attribution` (whose rating it will be). */
  | 'survey_sent'
  /** The one reminder of an unanswered survey: `details.round`. */
  | 'survey_reminder_sent'
  /** The customer's answer: `details.round`, `details.ratings`, `details.comment`, `details.attribution`. */
  | 'survey_answered'
  /** The survey window ended unanswered: `details.round`. */
  | 'survey_expired'
  /** A reopening voided the round's unanswered survey: `details.round`. */
  | 'survey_voided'
  /** At resolution: when the revisit task will appear, `details.dueAt`, and when it is overdue, `details.answerDueAt`. */
  | 'revisit_scheduled'
  /** The revisit task appeared in the agent's queue: `details.round`, `details.agentId`, `details.answerDueAt`. */
  | 'revisit_due'
  /** The revisit task went unanswered past its due time; the supervisors were told: `details.round`. */
  | 'revisit_escalated'
  /** The revisit was done: `details.round`, `details.outcome` (`ok` closes, `recurred` reopens), `details.note`. */
  | 'revisit_completed'
  /** The case was opened again, starting a new round: `details.round`, `details.reason`. */
  | 'reopened'
  /** The case is closed: `details.reason` (`revisit_ok`, `survey_window_ended`). */
  | 'closed'
  /** A message came after the reopen window (or on a closed case): `details.caseId` of the new, linked case. */
  | 'follow_up_filed';

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
