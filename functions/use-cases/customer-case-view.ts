import type { Case } from '../domain/case.js';
import type { CaseSla } from '../domain/sla/case-sla.js';
import type { TimelineEvent, TimelineEventType } from '../domain/timeline.js';
import { customerAftercareView } from './aftercare/aftercare-views.js';
import { customerSlaView } from './sla/sla-views.js';

/** Public events whose from/to are statuses or decision outcomes; other events' from/to (e.g. agent ids) stay internal. */
const STATE_EVENTS: readonly TimelineEventType[] = [
  'status_changed',
  'decision_made',
  'resolved',
  'cancelled',
  'reopened',
  'closed',
];

const textOf = (event: TimelineEvent, field: string): string | undefined => {
  const value = event.details?.[field];
  return typeof value === 'string' ? value : undefined;
};

export interface CustomerMessageView {
  at: string;
  from: 'agent' | 'customer';
  /** The replying agent's display name. */
  authorName?: string;
  body: string;
  /** Files sent with the message, by the customer or with a staff reply (attachment ids). */
  attachments?: string[];
}

const attachmentsOf = (event: TimelineEvent): string[] => {
  const value = event.details?.attachments;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

/** The conversation as the customer sees it: staff's public replies and their own messages, oldest first. */
const messagesOf = (timeline: readonly TimelineEvent[]): CustomerMessageView[] =>
  timeline
    .filter((event) => event.visibility === 'public')
    .flatMap((event): CustomerMessageView[] => {
      const body = textOf(event, 'body') ?? '';
      if (event.type === 'customer_message') {
        const attachments = attachmentsOf(event);
        return [{ at: event.at, from: 'customer', body, ...(attachments.length > 0 ? { attachments } : {}) }];
      }
      if (event.type !== 'reply_sent') return [];
      const authorName = textOf(event, 'authorName');
      const attachments = attachmentsOf(event);
      return [
        {
          at: event.at,
          from: 'agent',
          ...(authorName ? { authorName } : {}),
          body,
          ...(attachments.length > 0 ? { attachments } : {}),
        },
      ];
    });

/**
 * What a storefront may show its customer: public events and public messages only; of the staff, the handling agent's
 * display name only. No internal notes or events, no workflow internals, no root cause (an internal analysis).
 */
export const customerCaseView = (
  value: Case,
  timeline: readonly TimelineEvent[] = [],
  sla?: CaseSla,
  now: Date = new Date(),
) => ({
  caseId: value.caseId,
  caseNumber: value.caseNumber,
  status: value.status,
  type: value.type,
  priority: value.classification?.priority ?? null,
  orderId: value.orderId,
  items: value.items,
  currency: value.currency,
  description: value.description,
  attachments: value.attachments,
  customer: { id: value.customer.id, locale: value.customer.locale },
  createdAt: value.createdAt,
  updatedAt: value.updatedAt,
  decision: value.decision ? { outcome: value.decision.outcome, reasons: value.decision.reasons } : null,
  assignee: value.assignee ? { name: value.assignee.name } : null,
  sla: customerSlaView(sla),
  resolution: value.resolution
    ? {
        type: value.resolution.type,
        ...(value.resolution.amount !== undefined
          ? { amount: value.resolution.amount, currency: value.resolution.currency }
          : {}),
        ...(value.resolution.reference !== undefined ? { reference: value.resolution.reference } : {}),
        summary: value.resolution.summary,
        resolvedAt: value.resolution.resolvedAt,
      }
    : null,
  cancellation: value.cancellation
    ? { reason: value.cancellation.reason, cancelledAt: value.cancellation.cancelledAt }
    : null,
  ...customerAftercareView(value, now),
  messages: messagesOf(timeline),
  timeline: timeline
    .filter((event) => event.visibility === 'public')
    .map((event) => ({
      at: event.at,
      type: event.type,
      ...(STATE_EVENTS.includes(event.type) && event.from !== undefined ? { from: event.from } : {}),
      ...(STATE_EVENTS.includes(event.type) && event.to !== undefined ? { to: event.to } : {}),
    })),
});

/** The short form for listings. */
export const customerCaseSummary = (value: Case) => ({
  caseId: value.caseId,
  caseNumber: value.caseNumber,
  status: value.status,
  type: value.type,
  orderId: value.orderId,
  createdAt: value.createdAt,
  updatedAt: value.updatedAt,
  decision: value.decision ? { outcome: value.decision.outcome } : null,
});
