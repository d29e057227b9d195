import type { Case } from '../domain/case.js';
import type { TimelineEvent } from '../domain/timeline.js';

/** What a storefront may show its customer: no internal events, no staff notes, no workflow internals. */
export const customerCaseView = (value: Case, timeline: readonly TimelineEvent[] = []) => ({
  caseId: value.caseId,
  caseNumber: value.caseNumber,
  status: value.status,
  type: value.type,
  orderId: value.orderId,
  items: value.items,
  currency: value.currency,
  description: value.description,
  attachments: value.attachments,
  customer: { id: value.customer.id, locale: value.customer.locale },
  createdAt: value.createdAt,
  updatedAt: value.updatedAt,
  decision: value.decision ? { outcome: value.decision.outcome, reasons: value.decision.reasons } : null,
  messages: [],
  timeline: timeline
    .filter((event) => event.visibility === 'public')
    .map((event) => ({
      at: event.at,
      type: event.type,
      ...(event.from !== undefined ? { from: event.from } : {}),
      ...(event.to !== undefined ? { to: event.to } : {}),
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
