import type { ResolutionType } from './case.js';
import type { ErrorDetail } from './errors.js';
import { hasMinorUnitsOf, isIsoCurrency, MAX_MONEY_AMOUNT, minorUnitDigits } from './money.js';

/**
 * The money a resolution may carry, by type:
 * - `payout`: the store pays the customer (refund, compensation): an amount is required;
 * - `charge`: the customer may be charged (an out-of-warranty repair, the price difference of an exchange or a
 *   replacement): an amount is optional, and when given it is that charge;
 * - `none`: nothing changes hands (guidance, no action): an amount is refused.
 */
export type ResolutionMoneyKind = 'payout' | 'charge' | 'none';

export const RESOLUTION_MONEY: Readonly<Record<ResolutionType, ResolutionMoneyKind>> = {
  refund: 'payout',
  compensation: 'payout',
  exchange: 'charge',
  repair: 'charge',
  replacement: 'charge',
  guidance: 'none',
  no_action: 'none',
};

/** Highest amount any request may name, whatever the currency (the generic bound; store limits are lower). */

/** What a resolution says about money, as sent. */
export interface ResolutionMoney {
  type: ResolutionType;
  amount?: number;
  currency?: string;
}

/**
 * The rules that need only the request itself: the amount is there for a payout and absent where no money moves, the
 * currency only with an amount and an ISO 4217 code, the amount positive with the currency's decimals when the
 * currency is named. Paths are relative to the `resolution` object.
 */
export const resolutionShapeProblems = ({ type, amount, currency }: ResolutionMoney): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const kind = RESOLUTION_MONEY[type];
  if (kind === 'payout' && amount === undefined) problems.push({ path: 'amount', message: `Required for ${type}` });
  if (kind === 'none' && amount !== undefined) {
    problems.push({ path: 'amount', message: `No amount for ${type}: no money changes hands` });
  }
  if (currency !== undefined && !isIsoCurrency(currency)) {
    problems.push({ path: 'currency', message: 'An ISO 4217 code such as CNY' });
  } else if (currency !== undefined && amount === undefined) {
    problems.push({ path: 'currency', message: 'Only with an amount' });
  }
  if (amount !== undefined) problems.push(...amountProblems(amount, currency));
  return problems;
};

const amountProblems = (amount: number, currency: string | undefined): ErrorDetail[] => {
  // `-0 > 0` is false, so a negative zero is refused with the zero.
  if (!(amount > 0)) return [{ path: 'amount', message: 'More than 0' }];
  if (amount > MAX_MONEY_AMOUNT) return [{ path: 'amount', message: `At most ${MAX_MONEY_AMOUNT}` }];
  if (currency !== undefined && isIsoCurrency(currency) && !hasMinorUnitsOf(amount, currency)) {
    return [{ path: 'amount', message: decimalsMessage(currency) }];
  }
  return [];
};

const decimalsMessage = (currency: string): string => {
  const digits = minorUnitDigits(currency);
  return digits === 0 ? `Whole ${currency} only` : `At most ${digits} decimals in ${currency}`;
};

/** The case a resolution is checked against: its currency and order, and the store's compensation limit. */
export interface ResolutionMoneyContext {
  caseCurrency: string;
  /** The order lines' value (`orderValue`), in the case currency. */
  orderTotal: number;
  /** The store's highest compensation, in the case currency. */
  compensationLimit: number;
}

/**
 * Every money rule on a resolution against its case (paths relative to `resolution`): the shape rules, the currency
 * is the case's (an omitted one is), the amount has the case currency's decimals, a refund stays within what the
 * order cost, a compensation within the store's limit. Each resolution is checked on its own: a case reopened and
 * resolved again may refund again (the storefront's payment system holds the running total). Empty: the money is right.
 */
export const resolutionMoneyProblems = (
  resolution: ResolutionMoney,
  context: ResolutionMoneyContext,
): ErrorDetail[] => {
  const shape = resolutionShapeProblems(resolution);
  const { type, amount, currency = context.caseCurrency } = resolution;
  const problems = [...shape];
  if (isIsoCurrency(currency) && currency !== context.caseCurrency) {
    problems.push({ path: 'currency', message: `Must be the case's currency, ${context.caseCurrency}` });
  }
  // Past the shape rules the amount is positive and bounded; the limits are only worth saying then.
  if (amount === undefined || shape.some((problem) => problem.path === 'amount')) return problems;
  if (!hasMinorUnitsOf(amount, context.caseCurrency)) {
    problems.push({ path: 'amount', message: decimalsMessage(context.caseCurrency) });
  } else if (type === 'refund' && amount > context.orderTotal) {
    problems.push({
      path: 'amount',
      message: `At most the order total, ${context.orderTotal} ${context.caseCurrency}`,
    });
  } else if (type === 'compensation' && amount > context.compensationLimit) {
    problems.push({
      path: 'amount',
      message: `At most the store's compensation limit, ${context.compensationLimit} ${context.caseCurrency}`,
    });
  }
  return problems;
};

/**
 * Whether a supervisor must approve the resolution before it is recorded: a payout above the store's auto-approve
 * limit (the one intake sends a case to manual review at; exactly at the limit is still automatic). A charge is the
 * customer's money, not the store's, so it needs no approval.
 */
export const needsApproval = ({ type, amount }: ResolutionMoney, autoApproveValueLimit: number): boolean =>
  RESOLUTION_MONEY[type] === 'payout' && amount !== undefined && amount > autoApproveValueLimit;
