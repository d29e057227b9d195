import type { CaseRequest, OrderLine } from '../../../functions/domain/case.js';
import type { ReviewContext } from '../../../functions/domain/policy/review-case.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../../functions/domain/policy/store-policy.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const ORDERED_AT = '2026-11-01T10:00:00.000Z';
export const DELIVERED_AT = '2026-11-03T10:00:00.000Z';
export const deliveredPlus = (ms: number): Date => new Date(Date.parse(DELIVERED_AT) + ms);
export const orderedPlus = (ms: number): Date => new Date(Date.parse(ORDERED_AT) + ms);

export const line = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  sku: 'KT-100',
  name: 'Kettle',
  category: 'appliances',
  quantity: 1,
  unitPrice: 199,
  ...overrides,
});

export const request = (overrides: Partial<CaseRequest> = {}): CaseRequest => ({
  orderId: 'SO-1001',
  orderedAt: ORDERED_AT,
  deliveredAt: DELIVERED_AT,
  customer: { id: 'c-42', email: 'li.lei@example.com', name: 'Li Lei', locale: 'zh-CN' },
  type: 'return',
  items: [line()],
  currency: 'CNY',
  description: 'The kettle leaks from the base.',
  attachments: ['att_1'],
  channel: 'web',
  ...overrides,
});

/** A request with no delivery date (the property is absent, as after JSON parsing). */
export const undelivered = (overrides: Partial<CaseRequest> = {}): CaseRequest => {
  const { deliveredAt: _omitted, ...rest } = request(overrides);
  return rest;
};

export const policy = (overrides: Partial<StorePolicy> = {}): StorePolicy => ({ ...DEFAULT_POLICY, ...overrides });

export const context = (overrides: Partial<ReviewContext> = {}): ReviewContext => ({
  now: deliveredPlus(DAY_MS),
  openCasesForOrder: [],
  uploadedAttachmentCount: 1,
  ...overrides,
});
