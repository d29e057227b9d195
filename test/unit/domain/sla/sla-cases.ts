import type { Case, Priority } from '../../../../functions/domain/case.js';
import type { TimelineEvent } from '../../../../functions/domain/timeline.js';

/** Cases and status events the case-level SLA tests share: deterministic, only the fields the SLA reads matter. */

export type StatusEvent = Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to'>;

/** An approved, classified case received at `createdAt`; override what a test is about. */
export const slaCase = (createdAt: Date, overrides: Partial<Case> = {}, priority: Priority = 'P3'): Case => ({
  caseId: 'cs_01JAAAAAAAAAAAAAAAAAAAAAAA',
  caseNumber: 'AS-20261127-0001',
  storeId: 'store-a',
  status: 'assigned',
  createdAt: createdAt.toISOString(),
  updatedAt: createdAt.toISOString(),
  orderId: 'SO-1001',
  orderedAt: '2026-11-20T08:00:00.000Z',
  customer: { id: 'c-42', email: 'customer@example.com', name: 'Customer', locale: 'zh-CN' },
  type: 'return',
  items: [{ sku: 'KT-100', name: 'Kettle', category: 'appliances', quantity: 1, unitPrice: 199 }],
  currency: 'CNY',
  description: 'The kettle leaks from the base.',
  attachments: [],
  channel: 'web',
  decision: {
    outcome: 'approved',
    reasons: [],
    policyVersion: 1,
    decidedAt: createdAt.toISOString(),
    decidedBy: 'policy',
  },
  classification: {
    severity: 'major',
    urgency: 'medium',
    priority,
    severityRule: 'type_default',
    urgencyRule: 'type_default',
    classifiedAt: createdAt.toISOString(),
    classifiedBy: 'rules',
  },
  assignee: { agentId: 'agent1', name: 'Agent One', assignedAt: createdAt.toISOString(), assignedBy: 'assignment' },
  ...overrides,
});

/** The case resolved at `at`. */
export const resolvedAt = (at: Date): Partial<Case> => ({
  status: 'resolved',
  resolution: {
    type: 'refund',
    amount: 199,
    rootCause: 'production_quality',
    summary: 'Refunded in full.',
    resolvedAt: at.toISOString(),
    resolvedBy: 'agent1',
  },
});

/** The case cancelled by the customer at `at`. */
export const cancelledAt = (at: Date): Partial<Case> => ({
  status: 'cancelled',
  cancellation: { reason: 'Changed my mind', cancelledAt: at.toISOString(), cancelledBy: 'customer' },
});

export const statusChanged = (at: Date, from: string, to: string): StatusEvent => ({
  type: 'status_changed',
  at: at.toISOString(),
  from,
  to,
});

/** The case waited for the customer from `from` to `to` (open-ended when `to` is absent). */
export const awaitingCustomer = (from: Date, to?: Date): StatusEvent[] => [
  statusChanged(from, 'in_progress', 'awaiting_customer'),
  ...(to ? [statusChanged(to, 'awaiting_customer', 'in_progress')] : []),
];
