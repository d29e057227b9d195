import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../functions/domain/case.js';
import { describeFinding, toDecisionReasons } from '../../../functions/domain/policy/reason-messages.js';
import { REASON_CODES, type PolicyFinding, type ReasonCode } from '../../../functions/domain/policy/review-case.js';

const window = { startedAt: '2026-11-03T10:00:00.000Z', endedAt: '2026-11-10T10:00:00.000Z' };

/** A `Record`, so a new reason code fails to compile here until it has a sample. Each sample lists what must show. */
const SAMPLES: Record<ReasonCode, Array<{ finding: PolicyFinding; shows: Record<Locale, string[]> }>> = {
  duplicate_open_claim: [
    {
      finding: {
        code: 'duplicate_open_claim',
        effect: 'reject',
        params: { sku: 'KT-100', caseNumber: 'AS-20261104-0007', caseId: 'c-7' },
      },
      shows: { 'zh-CN': ['KT-100', 'AS-20261104-0007'], en: ['KT-100', 'AS-20261104-0007'] },
    },
  ],
  delivery_date_required: [
    {
      finding: { code: 'delivery_date_required', effect: 'manual_review', params: { type: 'exchange' } },
      shows: { 'zh-CN': ['换货'], en: ['exchange'] },
    },
  ],
  return_window_expired: [
    {
      finding: {
        code: 'return_window_expired',
        effect: 'reject',
        params: { days: 7, countedFrom: 'delivery', ...window },
      },
      shows: { 'zh-CN': ['7 天', '2026-11-03', '2026-11-10'], en: ['7 days', '2026-11-03', '2026-11-10'] },
    },
  ],
  exchange_window_expired: [
    {
      finding: {
        code: 'exchange_window_expired',
        effect: 'reject',
        params: { days: 1, countedFrom: 'delivery', ...window },
      },
      shows: { 'zh-CN': ['1 天', '2026-11-03', '2026-11-10'], en: ['1 day of', '2026-11-03', '2026-11-10'] },
    },
  ],
  warranty_expired: [
    {
      finding: {
        code: 'warranty_expired',
        effect: 'reject',
        params: { days: 365, countedFrom: 'delivery', ...window },
      },
      shows: {
        'zh-CN': ['365 天', '签收', '2026-11-03', '2026-11-10'],
        en: ['365 days', 'delivered', '2026-11-03', '2026-11-10'],
      },
    },
    {
      finding: { code: 'warranty_expired', effect: 'reject', params: { days: 365, countedFrom: 'order', ...window } },
      shows: {
        'zh-CN': ['365 天', '下单', '2026-11-03', '2026-11-10'],
        en: ['365 days', 'placed', '2026-11-03', '2026-11-10'],
      },
    },
  ],
  non_returnable_category: [
    {
      finding: {
        code: 'non_returnable_category',
        effect: 'reject',
        params: { sku: 'MILK-1', category: 'perishables' },
      },
      shows: { 'zh-CN': ['MILK-1', 'perishables'], en: ['MILK-1', 'perishables'] },
    },
  ],
  evidence_required: [
    {
      finding: { code: 'evidence_required', effect: 'reject', params: { type: 'product_fault', minimum: 1 } },
      shows: { 'zh-CN': ['产品故障', '1'], en: ['product fault', '1'] },
    },
  ],
  evidence_requested: [
    {
      finding: {
        code: 'evidence_requested',
        effect: 'request_evidence',
        params: { type: 'product_fault', minimum: 1 },
      },
      shows: { 'zh-CN': ['产品故障', '1 份', '回复'], en: ['product fault', 'at least 1', 'reply'] },
    },
  ],
  value_above_auto_approve_limit: [
    {
      finding: {
        code: 'value_above_auto_approve_limit',
        effect: 'manual_review',
        params: { value: 2500.5, limit: 2000, currency: 'CNY' },
      },
      shows: { 'zh-CN': ['2,500.50', '2,000.00'], en: ['2,500.50', '2,000.00'] },
    },
  ],
};

const CASES = (Object.keys(SAMPLES) as ReasonCode[]).flatMap((code) =>
  SAMPLES[code].flatMap(({ finding, shows }) =>
    LOCALES.map((locale) => ({
      code,
      locale,
      finding,
      expected: shows[locale],
      variant: JSON.stringify(finding.params),
    })),
  ),
);

const CJK = /[\u4e00-\u9fff]/;

describe('Function: describeFinding', () => {
  it('has a sample for every reason code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REASON_CODES].sort());
  });

  it.each(CASES)(
    'describes $code in $locale with its params interpolated ($variant)',
    ({ finding, locale, expected }) => {
      const message = describeFinding(finding, locale);

      expect(message.trim().length).toBeGreaterThan(10);
      expect(message).not.toMatch(/[{}]|undefined|NaN|\[object/);
      for (const text of expected) expect(message).toContain(text);
      expect(CJK.test(message)).toBe(locale === 'zh-CN');
    },
  );

  it.each([...LOCALES])('gives different messages per code in %s', (locale) => {
    const messages = CASES.filter((sample) => sample.locale === locale).map(({ finding }) =>
      describeFinding(finding, locale),
    );

    expect(new Set(messages).size).toBe(messages.length);
  });

  it('falls back to the plain amount and code for a currency Intl does not accept', () => {
    const finding: PolicyFinding = {
      code: 'value_above_auto_approve_limit',
      effect: 'manual_review',
      params: { value: 2500.5, limit: 2000, currency: 'N/A' },
    };

    expect(describeFinding(finding, 'en')).toContain('2500.50 N/A');
  });
});

describe('Function: toDecisionReasons', () => {
  it('keeps the findings order and pairs each code with its message in the locale', () => {
    const findings = [SAMPLES.non_returnable_category[0]!.finding, SAMPLES.delivery_date_required[0]!.finding];

    const reasons = toDecisionReasons(findings, 'en');

    expect(reasons).toEqual([
      { code: 'non_returnable_category', message: describeFinding(findings[0]!, 'en') },
      { code: 'delivery_date_required', message: describeFinding(findings[1]!, 'en') },
    ]);
  });

  it('returns no reasons for no findings', () => {
    expect(toDecisionReasons([], 'zh-CN')).toEqual([]);
  });
});
