import { describe, expect, it } from 'vitest';
import { pendingApprovalOf, RESOLUTION_TYPES } from '../../../functions/domain/case.js';
import { hasMinorUnitsOf, isIsoCurrency, minorUnitDigits } from '../../../functions/domain/money.js';
import {
  needsApproval,
  RESOLUTION_MONEY,
  resolutionMoneyProblems,
  resolutionShapeProblems,
  type ResolutionMoneyContext,
} from '../../../functions/domain/resolution-money.js';

const context = (overrides: Partial<ResolutionMoneyContext> = {}): ResolutionMoneyContext => ({
  caseCurrency: 'CNY',
  orderTotal: 199,
  compensationLimit: 5000,
  ...overrides,
});

const pathsOf = (problems: Array<{ path: string }>): string[] => problems.map((problem) => problem.path);

describe('Function: isIsoCurrency', () => {
  it.each(['CNY', 'USD', 'JPY', 'KWD', 'EUR'])('accepts %s', (code) => {
    expect(isIsoCurrency(code)).toBe(true);
  });

  it.each(['ZZZ', 'RMB', 'cny', 'US', 'USDT', ''])('refuses %j', (code) => {
    expect(isIsoCurrency(code)).toBe(false);
  });
});

describe('Function: minorUnitDigits and hasMinorUnitsOf', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('gives %s %i decimals', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it.each([
    [199.99, 'CNY', true],
    [0.1 + 0.2, 'CNY', false],
    [0.3, 'CNY', true],
    [199.999, 'CNY', false],
    [1990, 'JPY', true],
    [1990.5, 'JPY', false],
    [12.345, 'KWD', true],
    [12.3456, 'KWD', false],
    [1e-300, 'USD', false],
  ])('says %d in %s is whole minor units: %s', (amount, currency, whole) => {
    expect(hasMinorUnitsOf(amount, currency)).toBe(whole);
  });
});

describe('Constant: RESOLUTION_MONEY', () => {
  it('names the money of every resolution type', () => {
    expect(Object.keys(RESOLUTION_MONEY).sort()).toEqual([...RESOLUTION_TYPES].sort());
  });
});

describe('Function: resolutionShapeProblems', () => {
  it.each([
    ['refund without an amount', { type: 'refund' }, ['amount']],
    ['compensation without an amount', { type: 'compensation' }, ['amount']],
    ['no_action with an amount', { type: 'no_action', amount: 10 }, ['amount']],
    ['guidance with an amount', { type: 'guidance', amount: 10 }, ['amount']],
    ['a refund of 0', { type: 'refund', amount: 0 }, ['amount']],
    ['a refund of -0', { type: 'refund', amount: -0 }, ['amount']],
    ['a negative refund', { type: 'refund', amount: -5 }, ['amount']],
    ['a huge refund', { type: 'refund', amount: 1e300 }, ['amount']],
    ['a currency that is not ISO 4217', { type: 'refund', amount: 1, currency: 'ZZZ' }, ['currency']],
    ['a currency without an amount', { type: 'repair', currency: 'CNY' }, ['currency']],
    ['yen with decimals', { type: 'refund', amount: 10.5, currency: 'JPY' }, ['amount']],
  ] as const)('names %s', (_label, resolution, paths) => {
    expect(pathsOf(resolutionShapeProblems(resolution))).toEqual(paths);
  });

  it.each([
    ['a refund', { type: 'refund', amount: 199 }],
    ['a compensation in KWD', { type: 'compensation', amount: 1.125, currency: 'KWD' }],
    ['a repair without a charge', { type: 'repair' }],
    ['an exchange with a charge', { type: 'exchange', amount: 30 }],
    ['guidance', { type: 'guidance' }],
  ] as const)('accepts %s', (_label, resolution) => {
    expect(resolutionShapeProblems(resolution)).toEqual([]);
  });
});

describe('Function: resolutionMoneyProblems', () => {
  it('names the currency and the amount of a 9,999,999.99 USD compensation on a 199 CNY order', () => {
    const problems = resolutionMoneyProblems(
      { type: 'compensation', amount: 9_999_999.99, currency: 'USD' },
      context(),
    );
    expect(pathsOf(problems).sort()).toEqual(['amount', 'currency']);
  });

  it.each([
    ['the whole order', { type: 'refund', amount: 199 }, context(), []],
    ['a cent above the order', { type: 'refund', amount: 199.01 }, context(), ['amount']],
    ['a compensation at the limit', { type: 'compensation', amount: 5000 }, context(), []],
    ['a compensation above it', { type: 'compensation', amount: 5000.01 }, context(), ['amount']],
    [
      'any compensation when the limit is 0',
      { type: 'compensation', amount: 1 },
      context({ compensationLimit: 0 }),
      ['amount'],
    ],
    [
      'decimals of yen, currency omitted',
      { type: 'refund', amount: 10.5 },
      context({ caseCurrency: 'JPY', orderTotal: 1990 }),
      ['amount'],
    ],
    ['three decimals of CNY, currency omitted', { type: 'refund', amount: 10.005 }, context(), ['amount']],
    ['three decimals of KWD', { type: 'refund', amount: 10.005 }, context({ caseCurrency: 'KWD', orderTotal: 50 }), []],
    ['a charge above the order (a repair fee)', { type: 'repair', amount: 300 }, context(), []],
  ] as const)('checks %s', (_label, resolution, given, paths) => {
    expect(pathsOf(resolutionMoneyProblems(resolution, given))).toEqual(paths);
  });
});

describe('Function: needsApproval', () => {
  it.each([
    [{ type: 'compensation', amount: 2000.01 }, true],
    [{ type: 'refund', amount: 2500 }, true],
    [{ type: 'compensation', amount: 2000 }, false],
    [{ type: 'repair', amount: 3000 }, false],
    [{ type: 'guidance' }, false],
  ] as const)('says %j needs a supervisor above 2000: %s', (resolution, expected) => {
    expect(needsApproval(resolution, 2000)).toBe(expected);
  });
});

describe('Function: pendingApprovalOf', () => {
  const pending = {
    resolution: { type: 'compensation', amount: 3000, rootCause: 'other', summary: 'Goodwill.' },
    requestedBy: { userId: 'local-agent1', name: 'Wang Fang' },
    requestedAt: '2026-12-01T10:00:00.000Z',
  } as const;

  it('gives the request on an open case', () => {
    expect(pendingApprovalOf({ status: 'in_progress', pendingApproval: pending })).toBe(pending);
  });

  it.each(['resolved', 'cancelled', 'closed'] as const)('hides it once the case is %s', (status) => {
    expect(pendingApprovalOf({ status, pendingApproval: pending })).toBeUndefined();
  });

  it('hides a request from before the case was reopened, and keeps one asked for after', () => {
    const reopenedAt = '2026-12-02T10:00:00.000Z';
    expect(pendingApprovalOf({ status: 'assigned', pendingApproval: pending, reopenedAt })).toBeUndefined();
    const later = { ...pending, requestedAt: '2026-12-03T10:00:00.000Z' };
    expect(pendingApprovalOf({ status: 'assigned', pendingApproval: later, reopenedAt })).toBe(later);
  });
});
