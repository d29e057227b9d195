import type { CaseRequestBody } from '../../functions/schemas/case-request.js';

/** A valid in-window return, as a storefront would send it; override what a test is about. */
export const returnRequest = (overrides: Partial<CaseRequestBody> = {}, deliveredDaysAgo = 2): CaseRequestBody => {
  const deliveredAt = new Date(Date.now() - deliveredDaysAgo * 86_400_000);
  const orderedAt = new Date(deliveredAt.getTime() - 2 * 86_400_000);
  return {
    orderId: `SO-${Math.random().toString(36).slice(2, 10)}`,
    orderedAt: orderedAt.toISOString(),
    deliveredAt: deliveredAt.toISOString(),
    customer: { id: 'c-42', email: 'li.lei@example.com', name: 'Li Lei', locale: 'zh-CN' },
    type: 'return',
    items: [{ sku: 'KT-100', name: 'Kettle', category: 'appliances', quantity: 1, unitPrice: 199 }],
    currency: 'CNY',
    description: 'The kettle leaks from the base.',
    attachments: [],
    channel: 'web',
    ...overrides,
  };
};

/** `POST /v1/staff/cases/{caseId}/resolve` as an agent sends it: refunded in full. */
export const refundResolution = {
  resolution: { type: 'refund', amount: 199, currency: 'CNY', reference: 'RF-1' },
  rootCause: 'production_quality',
  summary: 'Refunded in full.',
};
