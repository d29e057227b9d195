import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../functions/domain/case.js';
import { ValidationError } from '../../../functions/domain/errors.js';
import {
  outcomeOf,
  reviewCase,
  type OpenCaseSummary,
  type PolicyFinding,
  type ReasonCode,
} from '../../../functions/domain/policy/review-case.js';
import {
  context,
  DAY_MS,
  DELIVERED_AT,
  deliveredPlus,
  line,
  ORDERED_AT,
  orderedPlus,
  policy,
  request,
  undelivered,
} from './fixtures.js';

const codes = (findings: PolicyFinding[]): ReasonCode[] => findings.map((finding) => finding.code);

const MONETARY: CaseType[] = ['return', 'exchange', 'refund', 'repair', 'product_fault', 'logistics'];
const NON_MONETARY: CaseType[] = ['usage_question', 'complaint', 'suggestion'];

describe('Function: reviewCase', () => {
  describe('time windows', () => {
    // type, window days under the default policy, code once expired
    const windows: Array<[CaseType, number, ReasonCode]> = [
      ['return', 7, 'return_window_expired'],
      ['refund', 7, 'return_window_expired'],
      ['exchange', 15, 'exchange_window_expired'],
      ['repair', 365, 'warranty_expired'],
      ['product_fault', 365, 'warranty_expired'],
    ];

    it.each(windows)('approves the %s filed exactly %i days after delivery (inclusive boundary)', (type, days) => {
      const review = reviewCase(request({ type }), policy(), context({ now: deliveredPlus(days * DAY_MS) }));

      expect(review).toEqual({ outcome: 'approved', findings: [], policyVersion: 1 });
    });

    it.each(windows)('rejects the %s filed 1 ms after the %i-day window', (type, days, code) => {
      const review = reviewCase(request({ type }), policy(), context({ now: deliveredPlus(days * DAY_MS + 1) }));

      expect(review.outcome).toBe('rejected');
      expect(review.findings).toEqual([
        {
          code,
          effect: 'reject',
          params: {
            days,
            countedFrom: 'delivery',
            startedAt: DELIVERED_AT,
            endedAt: deliveredPlus(days * DAY_MS).toISOString(),
          },
        },
      ]);
    });

    const warrantyFromOrder: PolicyFinding = {
      code: 'warranty_expired',
      effect: 'reject',
      params: {
        days: 365,
        countedFrom: 'order',
        startedAt: ORDERED_AT,
        endedAt: orderedPlus(365 * DAY_MS).toISOString(),
      },
    };
    it.each([
      ['repair', 'at', 365 * DAY_MS, []],
      ['repair', '1 ms after', 365 * DAY_MS + 1, [warrantyFromOrder]],
      ['product_fault', 'at', 365 * DAY_MS, []],
      ['product_fault', '1 ms after', 365 * DAY_MS + 1, [warrantyFromOrder]],
    ] as const)(
      'counts the warranty of an undelivered %s from the order date (%s the limit)',
      (type, _label, elapsed, findings) => {
        const review = reviewCase(undelivered({ type }), policy(), context({ now: orderedPlus(elapsed) }));

        expect(review.findings).toEqual(findings);
      },
    );

    it.each([
      ['return', { returnWindowDays: 30 }, 30],
      ['refund', { returnWindowDays: 30 }, 30],
      ['exchange', { exchangeWindowDays: 3 }, 3],
      ['repair', { warrantyDays: 90 }, 90],
      ['return', { returnWindowDays: 0 }, 0],
    ] as const)('uses the store policy for the %s window (%o)', (type, overrides, days) => {
      const at = reviewCase(request({ type }), policy(overrides), context({ now: deliveredPlus(days * DAY_MS) }));
      const after = reviewCase(
        request({ type }),
        policy(overrides),
        context({ now: deliveredPlus(days * DAY_MS + 1) }),
      );

      expect(at.outcome).toBe('approved');
      expect(after.outcome).toBe('rejected');
      expect(after.findings[0]?.params.days).toBe(days);
    });

    it('approves an exchange after the return window but inside the exchange window', () => {
      const now = deliveredPlus(10 * DAY_MS);

      expect(reviewCase(request({ type: 'exchange' }), policy(), context({ now })).outcome).toBe('approved');
      expect(reviewCase(request({ type: 'return' }), policy(), context({ now })).outcome).toBe('rejected');
    });

    it('approves a request whose delivery lies in the future (clock skew)', () => {
      const review = reviewCase(request({ type: 'return' }), policy(), context({ now: deliveredPlus(-DAY_MS) }));

      expect(review.outcome).toBe('approved');
    });

    it.each(['logistics', ...NON_MONETARY] as CaseType[])('applies no time window to the %s', (type) => {
      const review = reviewCase(request({ type }), policy(), context({ now: deliveredPlus(10_000 * DAY_MS) }));

      expect(review.outcome).toBe('approved');
    });
  });

  describe('missing delivery date', () => {
    it.each(['return', 'exchange'] as CaseType[])('sends the %s without a delivery date to manual review', (type) => {
      const review = reviewCase(undelivered({ type }), policy(), context({ now: orderedPlus(400 * DAY_MS) }));

      expect(review).toEqual({
        outcome: 'manual_review',
        findings: [{ code: 'delivery_date_required', effect: 'manual_review', params: { type } }],
        policyVersion: 1,
      });
    });

    it('approves a refund of an order that was never delivered, however late', () => {
      const review = reviewCase(
        undelivered({ type: 'refund' }),
        policy(),
        context({ now: orderedPlus(1000 * DAY_MS) }),
      );

      expect(review.outcome).toBe('approved');
    });

    it.each(['logistics', ...NON_MONETARY] as CaseType[])('needs no delivery date for the %s', (type) => {
      expect(reviewCase(undelivered({ type }), policy(), context()).outcome).toBe('approved');
    });
  });

  describe('non-returnable categories', () => {
    const perishable = line({ sku: 'MILK-1', category: 'perishables', unitPrice: 12 });

    it.each(['return', 'exchange', 'refund'] as CaseType[])(
      'rejects the %s of a non-returnable item, naming the SKU',
      (type) => {
        const review = reviewCase(request({ type, items: [perishable] }), policy(), context());

        expect(review.outcome).toBe('rejected');
        expect(review.findings).toEqual([
          { code: 'non_returnable_category', effect: 'reject', params: { sku: 'MILK-1', category: 'perishables' } },
        ]);
      },
    );

    it.each(['repair', 'product_fault'] as CaseType[])(
      'approves the %s of a non-returnable item inside the warranty',
      (type) => {
        const review = reviewCase(request({ type, items: [perishable] }), policy(), context());

        expect(review.outcome).toBe('approved');
      },
    );

    it('rejects a product fault of a non-returnable item for the warranty only', () => {
      const review = reviewCase(
        request({ type: 'product_fault', items: [perishable] }),
        policy(),
        context({ now: deliveredPlus(366 * DAY_MS) }),
      );

      expect(codes(review.findings)).toEqual(['warranty_expired']);
    });

    it('approves a refund of a non-returnable item that was never delivered', () => {
      const review = reviewCase(undelivered({ type: 'refund', items: [perishable] }), policy(), context());

      expect(review.outcome).toBe('approved');
    });

    it.each(['logistics', ...NON_MONETARY] as CaseType[])('does not apply to the %s', (type) => {
      expect(reviewCase(request({ type, items: [perishable] }), policy(), context()).outcome).toBe('approved');
    });

    it('reports each non-returnable SKU once, in item order, and ignores the others', () => {
      const items = [
        line({ sku: 'DL-1', category: 'digital' }),
        line({ sku: 'KT-100' }),
        perishable,
        line({ sku: 'DL-1', category: 'digital' }),
      ];

      const review = reviewCase(request({ type: 'return', items }), policy(), context());

      expect(review.findings.map((finding) => finding.params.sku)).toEqual(['DL-1', 'MILK-1']);
    });

    it('matches categories regardless of case and surrounding spaces', () => {
      const review = reviewCase(
        request({ items: [line({ category: ' Perishables ' })] }),
        policy({ nonReturnableCategories: ['PERISHABLES'] }),
        context(),
      );

      expect(codes(review.findings)).toEqual(['non_returnable_category']);
    });

    it('uses the store list', () => {
      const review = reviewCase(request({ items: [perishable] }), policy({ nonReturnableCategories: [] }), context());

      expect(review.outcome).toBe('approved');
    });
  });

  describe('evidence', () => {
    const reject = policy({ missingEvidence: 'reject' });

    it.each(['product_fault', 'logistics'] as CaseType[])(
      'approves the %s with no uploaded attachment and asks for the evidence by default',
      (type) => {
        const review = reviewCase(request({ type }), policy(), context({ uploadedAttachmentCount: 0 }));

        expect(review).toEqual({
          outcome: 'approved',
          findings: [{ code: 'evidence_requested', effect: 'request_evidence', params: { type, minimum: 1 } }],
          policyVersion: 1,
        });
      },
    );

    it.each(['product_fault', 'logistics'] as CaseType[])(
      'rejects the %s with no uploaded attachment when the store rejects missing evidence',
      (type) => {
        const review = reviewCase(request({ type }), reject, context({ uploadedAttachmentCount: 0 }));

        expect(review).toEqual({
          outcome: 'rejected',
          findings: [{ code: 'evidence_required', effect: 'reject', params: { type, minimum: 1 } }],
          policyVersion: 1,
        });
      },
    );

    it.each([
      'The kettle started to smoke when I switched it on.',
      'I got an electric shock from the handle',
      'It caught fire on the stove',
      '水壶底座冒烟了',
    ])('never rejects a fault naming a safety hazard for missing evidence: %s', (description) => {
      const review = reviewCase(
        request({ type: 'product_fault', description }),
        reject,
        context({ uploadedAttachmentCount: 0 }),
      );

      expect(review.outcome).toBe('approved');
      expect(codes(review.findings)).toEqual(['evidence_requested']);
    });

    it('still rejects a safety-term fault for another reason (its warranty ended), without asking for files', () => {
      const review = reviewCase(
        request({ type: 'product_fault', description: 'It caught fire.' }),
        reject,
        context({ uploadedAttachmentCount: 0, now: deliveredPlus(366 * DAY_MS) }),
      );

      expect(review.outcome).toBe('rejected');
      expect(codes(review.findings)).toEqual(['warranty_expired']);
    });

    it.each(['product_fault', 'logistics'] as CaseType[])('approves the %s with one uploaded attachment', (type) => {
      expect(reviewCase(request({ type }), policy(), context({ uploadedAttachmentCount: 1 })).outcome).toBe('approved');
      expect(reviewCase(request({ type }), reject, context({ uploadedAttachmentCount: 1 })).findings).toEqual([]);
    });

    it.each(['return', 'exchange', 'refund', 'repair', ...NON_MONETARY] as CaseType[])(
      'needs no evidence for the %s by default',
      (type) => {
        expect(reviewCase(request({ type }), policy(), context({ uploadedAttachmentCount: 0 })).findings).toEqual([]);
      },
    );

    it('follows the store list, including a non-monetary type the store chose', () => {
      const storePolicy = policy({ evidenceRequiredTypes: ['complaint'], missingEvidence: 'reject' });

      expect(
        reviewCase(request({ type: 'product_fault' }), storePolicy, context({ uploadedAttachmentCount: 0 })).outcome,
      ).toBe('approved');
      expect(
        codes(
          reviewCase(request({ type: 'complaint' }), storePolicy, context({ uploadedAttachmentCount: 0 })).findings,
        ),
      ).toEqual(['evidence_required']);
    });
  });

  describe('value limit', () => {
    it.each([
      ['exactly at the limit', [line({ unitPrice: 2000 })], 'approved'],
      [
        'at the limit over several lines',
        [line({ quantity: 2, unitPrice: 600 }), line({ sku: 'B', unitPrice: 800 })],
        'approved',
      ],
      ['1 cent above the limit', [line({ unitPrice: 2000.01 })], 'manual_review'],
      ['above the limit by quantity', [line({ quantity: 3, unitPrice: 700 })], 'manual_review'],
    ] as const)('reviews a return %s as %s', (_label, items, outcome) => {
      const review = reviewCase(request({ items: [...items] }), policy(), context());

      expect(review.outcome).toBe(outcome);
    });

    it('names the value, the limit and the currency', () => {
      const review = reviewCase(request({ items: [line({ quantity: 3, unitPrice: 700 })] }), policy(), context());

      expect(review.findings).toEqual([
        {
          code: 'value_above_auto_approve_limit',
          effect: 'manual_review',
          params: { value: 2100, limit: 2000, currency: 'CNY' },
        },
      ]);
    });

    it.each(MONETARY)('sends the %s above the limit to manual review', (type) => {
      const review = reviewCase(request({ type, items: [line({ unitPrice: 5000 })] }), policy(), context());

      expect(review.outcome).toBe('manual_review');
      expect(codes(review.findings)).toEqual(['value_above_auto_approve_limit']);
    });

    it.each(NON_MONETARY)('approves the %s whatever the order value', (type) => {
      expect(reviewCase(request({ type, items: [line({ unitPrice: 99_999 })] }), policy(), context()).outcome).toBe(
        'approved',
      );
    });

    it('uses the store limit', () => {
      const review = reviewCase(
        request({ items: [line({ unitPrice: 150 })] }),
        policy({ autoApproveValueLimit: 100 }),
        context(),
      );

      expect(review.findings[0]?.params).toEqual({ value: 150, limit: 100, currency: 'CNY' });
    });
  });

  describe('duplicate open claim', () => {
    const openCase = (
      caseNumber: string,
      skus: string[],
      caseId = `case-${caseNumber}`,
      state: Pick<OpenCaseSummary, 'status' | 'decision'> = { status: 'open', decision: { outcome: 'approved' } },
    ): OpenCaseSummary => ({ caseId, caseNumber, ...state, items: skus.map((sku) => ({ sku })) });

    it.each<[string, Pick<OpenCaseSummary, 'status' | 'decision'>, 'approved' | 'rejected']>([
      ['submitted, not decided yet (its workflow has not run)', { status: 'submitted' }, 'approved'],
      [
        'submitted, its rejection not applied yet',
        { status: 'submitted', decision: { outcome: 'rejected' } },
        'approved',
      ],
      [
        'submitted, approved but not opened yet',
        { status: 'submitted', decision: { outcome: 'approved' } },
        'rejected',
      ],
      ['with a supervisor', { status: 'pending_review', decision: { outcome: 'manual_review' } }, 'rejected'],
      ['open', { status: 'open', decision: { outcome: 'approved' } }, 'rejected'],
      ['assigned', { status: 'assigned', decision: { outcome: 'approved' } }, 'rejected'],
    ])('counts the other claim on the SKU only once decided: %s', (_label, state, outcome) => {
      const review = reviewCase(
        request(),
        policy(),
        context({ openCasesForOrder: [openCase('AS-20261104-0007', ['KT-100'], 'case-7', state)] }),
      );

      expect(review.outcome).toBe(outcome);
    });

    it.each(MONETARY)('rejects the %s for a SKU already in an open case, naming that case', (type) => {
      const review = reviewCase(
        request({ type }),
        policy(),
        context({ openCasesForOrder: [openCase('AS-20261104-0007', ['KT-100'], 'case-7')] }),
      );

      expect(review).toEqual({
        outcome: 'rejected',
        findings: [
          {
            code: 'duplicate_open_claim',
            effect: 'reject',
            params: { sku: 'KT-100', caseNumber: 'AS-20261104-0007', caseId: 'case-7' },
          },
        ],
        policyVersion: 1,
      });
    });

    it.each(NON_MONETARY)('accepts the %s about a SKU already in an open case', (type) => {
      const review = reviewCase(
        request({ type }),
        policy(),
        context({ openCasesForOrder: [openCase('AS-20261104-0007', ['KT-100'])] }),
      );

      expect(review.outcome).toBe('approved');
    });

    it('approves when the open case claims other SKUs of the order', () => {
      const review = reviewCase(
        request(),
        policy(),
        context({ openCasesForOrder: [openCase('AS-20261104-0007', ['TV-1'])] }),
      );

      expect(review.outcome).toBe('approved');
    });

    it('never counts the case under review as its own duplicate', () => {
      const review = reviewCase(
        request(),
        policy(),
        context({
          currentCaseId: 'case-self',
          openCasesForOrder: [openCase('AS-20261104-0007', ['KT-100'], 'case-self')],
        }),
      );

      expect(review.outcome).toBe('approved');
    });

    it('reports one finding per SKU and open case, in item order then case-number order', () => {
      const items = [line({ sku: 'B' }), line({ sku: 'A' }), line({ sku: 'B' })];
      const openCasesForOrder = [openCase('AS-20261105-0002', ['A', 'B']), openCase('AS-20261104-0009', ['B'])];

      const review = reviewCase(request({ items }), policy(), context({ openCasesForOrder }));

      expect(review.findings.map(({ params }) => `${params.sku}@${params.caseNumber}`)).toEqual([
        'B@AS-20261104-0009',
        'B@AS-20261105-0002',
        'A@AS-20261105-0002',
      ]);
    });
  });

  describe('outcome', () => {
    it('rejects with every finding, manual ones included, in rule order', () => {
      const review = reviewCase(
        request({
          type: 'exchange',
          items: [line({ sku: 'MILK-1', category: 'perishables', quantity: 300, unitPrice: 10 })],
        }),
        policy({ evidenceRequiredTypes: ['exchange'], missingEvidence: 'reject', version: 4 }),
        context({
          now: deliveredPlus(16 * DAY_MS),
          uploadedAttachmentCount: 0,
          openCasesForOrder: [
            { caseId: 'c-1', caseNumber: 'AS-20261104-0001', status: 'open', items: [{ sku: 'MILK-1' }] },
          ],
        }),
      );

      expect(review.outcome).toBe('rejected');
      expect(review.policyVersion).toBe(4);
      expect(codes(review.findings)).toEqual([
        'duplicate_open_claim',
        'exchange_window_expired',
        'non_returnable_category',
        'evidence_required',
        'value_above_auto_approve_limit',
      ]);
    });

    it('rejects when a reject and a manual review meet (missing delivery date, non-returnable item)', () => {
      const review = reviewCase(undelivered({ items: [line({ category: 'digital' })] }), policy(), context());

      expect(review.outcome).toBe('rejected');
      expect(review.findings.map(({ code, effect }) => `${code}:${effect}`)).toEqual([
        'delivery_date_required:manual_review',
        'non_returnable_category:reject',
      ]);
    });

    it('asks for manual review when every finding is a manual one', () => {
      const review = reviewCase(undelivered({ items: [line({ unitPrice: 3000 })] }), policy(), context());

      expect(review.outcome).toBe('manual_review');
      expect(codes(review.findings)).toEqual(['delivery_date_required', 'value_above_auto_approve_limit']);
    });

    it('records the policy version', () => {
      expect(reviewCase(request(), policy({ version: 12 }), context()).policyVersion).toBe(12);
    });

    it.each([
      [[], 'approved'],
      [['manual_review'], 'manual_review'],
      [['manual_review', 'manual_review'], 'manual_review'],
      [['reject'], 'rejected'],
      [['manual_review', 'reject'], 'rejected'],
      [['reject', 'manual_review'], 'rejected'],
      [['request_evidence'], 'approved'],
      [['request_evidence', 'manual_review'], 'manual_review'],
      [['request_evidence', 'reject'], 'rejected'],
    ] as const)('outcomeOf(%j) is %s', (effects, outcome) => {
      const findings: PolicyFinding[] = effects.map((effect) => ({ code: 'evidence_required', effect, params: {} }));

      expect(outcomeOf(findings)).toBe(outcome);
    });
  });

  describe('invalid dates', () => {
    it.each([
      ['deliveredAt', request({ deliveredAt: 'yesterday' })],
      ['orderedAt', undelivered({ type: 'repair', orderedAt: 'not a date' })],
    ])('throws a ValidationError naming %s', (path, invalid) => {
      const thrown = (() => {
        try {
          reviewCase(invalid, policy(), context());
        } catch (error) {
          return error;
        }
        return undefined;
      })();

      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).details).toEqual([{ path, message: expect.any(String) }]);
    });
  });
});
