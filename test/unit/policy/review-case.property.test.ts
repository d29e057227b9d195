import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_TYPES, LOCALES, type CaseRequest } from '../../../functions/domain/case.js';
import { describeFinding } from '../../../functions/domain/policy/reason-messages.js';
import { isMonetaryType, reviewCase, type ReviewContext } from '../../../functions/domain/policy/review-case.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../../functions/domain/policy/store-policy.js';
import { DAY_MS, request } from './fixtures.js';

const SKUS = ['A', 'B', 'C', 'D'];
const CATEGORIES = ['appliances', 'perishables', 'digital', 'toys'];
const WINDOW_CODES = new Set(['return_window_expired', 'exchange_window_expired', 'warranty_expired']);

const orderLine = fc.record({
  sku: fc.constantFrom(...SKUS),
  name: fc.constant('Item'),
  category: fc.constantFrom(...CATEGORIES),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPrice: fc.integer({ min: 0, max: 150_000 }).map((cents) => cents / 100),
});

const caseRequest: fc.Arbitrary<CaseRequest> = fc
  .record({
    type: fc.constantFrom(...CASE_TYPES),
    items: fc.array(orderLine, { minLength: 1, maxLength: 4 }),
    orderedAt: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
    deliveryDelay: fc.option(fc.integer({ min: 0, max: 10 * DAY_MS }), { nil: undefined }),
  })
  .map(({ type, items, orderedAt, deliveryDelay }) => {
    const base = request({ type, items, orderedAt: new Date(orderedAt).toISOString() });
    if (deliveryDelay === undefined) {
      const { deliveredAt: _omitted, ...rest } = base;
      return rest;
    }
    return { ...base, deliveredAt: new Date(orderedAt + deliveryDelay).toISOString() };
  });

const storePolicy: fc.Arbitrary<StorePolicy> = fc.record({
  version: fc.integer({ min: 1, max: 100 }),
  returnWindowDays: fc.integer({ min: 0, max: 60 }),
  exchangeWindowDays: fc.integer({ min: 0, max: 60 }),
  warrantyDays: fc.integer({ min: 0, max: 730 }),
  nonReturnableCategories: fc.subarray(CATEGORIES),
  evidenceRequiredTypes: fc.subarray([...CASE_TYPES]),
  missingEvidence: fc.constantFrom('request' as const, 'reject' as const),
  autoApproveValueLimit: fc.integer({ min: 0, max: 5000 }),
  // Classification settings play no part in the auto-review.
  priorityMatrix: fc.constant(DEFAULT_POLICY.priorityMatrix),
  highValueThreshold: fc.constant(DEFAULT_POLICY.highValueThreshold),
  repeatCaseThreshold: fc.constant(DEFAULT_POLICY.repeatCaseThreshold),
});

/** The clock as an offset from the order date, so windows are hit on both sides. */
const reviewContext = fc.record({
  elapsed: fc.integer({ min: 0, max: 800 * DAY_MS }),
  openCasesForOrder: fc.array(
    fc.record({
      caseId: fc.uuid(),
      caseNumber: fc.integer({ min: 1, max: 9999 }).map((n) => `AS-20261101-${String(n).padStart(4, '0')}`),
      status: fc.constantFrom('open' as const, 'pending_review' as const, 'assigned' as const),
      items: fc.subarray(SKUS, { minLength: 1 }).map((skus) => skus.map((sku) => ({ sku }))),
    }),
    { maxLength: 3 },
  ),
  uploadedAttachmentCount: fc.integer({ min: 0, max: 2 }),
});

const at = (req: CaseRequest, ctx: { elapsed: number } & Omit<ReviewContext, 'now'>, extra = 0): ReviewContext => ({
  ...ctx,
  now: new Date(Date.parse(req.orderedAt) + ctx.elapsed + extra),
});

describe('Function: reviewCase (properties)', () => {
  it('is rejected iff a finding rejects, manual_review iff only manual ones, else approved (evidence requests too)', () => {
    fc.assert(
      fc.property(caseRequest, storePolicy, reviewContext, (req, pol, ctx) => {
        const { outcome, findings } = reviewCase(req, pol, at(req, ctx));
        const effects = findings.map((finding) => finding.effect);

        expect(outcome === 'rejected').toBe(effects.includes('reject'));
        expect(outcome === 'manual_review').toBe(!effects.includes('reject') && effects.includes('manual_review'));
        expect(outcome === 'approved').toBe(effects.every((effect) => effect === 'request_evidence'));
      }),
    );
  });

  it('records the policy version and gives the same findings whatever the order of the open cases', () => {
    fc.assert(
      fc.property(caseRequest, storePolicy, reviewContext, (req, pol, ctx) => {
        const review = reviewCase(req, pol, at(req, ctx));
        const reversed = reviewCase(
          req,
          pol,
          at(req, { ...ctx, openCasesForOrder: [...ctx.openCasesForOrder].reverse() }),
        );

        expect(review.policyVersion).toBe(pol.version);
        expect(reversed).toEqual(review);
      }),
    );
  });

  it('only ever holds an evidence finding against a question, complaint or suggestion', () => {
    fc.assert(
      fc.property(caseRequest, storePolicy, reviewContext, (req, pol, ctx) => {
        fc.pre(!isMonetaryType(req.type));
        const { findings } = reviewCase(req, pol, at(req, ctx));

        expect(
          findings.every((finding) => finding.code === 'evidence_required' || finding.code === 'evidence_requested'),
        ).toBe(true);
      }),
    );
  });

  it('never drops a window finding as time passes', () => {
    fc.assert(
      fc.property(
        caseRequest,
        storePolicy,
        reviewContext,
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        (req, pol, ctx, later) => {
          const windowCodes = (extra: number) =>
            reviewCase(req, pol, at(req, ctx, extra))
              .findings.map((finding) => finding.code)
              .filter((code) => WINDOW_CODES.has(code));

          for (const code of windowCodes(0)) expect(windowCodes(later)).toContain(code);
        },
      ),
    );
  });

  it('describes every finding in every locale without a leftover placeholder', () => {
    fc.assert(
      fc.property(caseRequest, storePolicy, reviewContext, (req, pol, ctx) => {
        for (const finding of reviewCase(req, pol, at(req, ctx)).findings) {
          for (const locale of LOCALES) {
            const message = describeFinding(finding, locale);
            expect(message).not.toMatch(/[{}]|undefined|NaN|\[object/);
            expect(message.length).toBeGreaterThan(10);
          }
        }
      }),
    );
  });
});
