import type { Locale } from './case.js';

/**
 * The ISO 4217 codes this runtime knows (`Intl.supportedValuesOf`): read once. A code outside it (`ZZZ`, `RMB`) is not
 * money anyone can pay or be paid in, so no request may carry it.
 */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const isIsoCurrency = (code: string): boolean => ISO_CURRENCIES.has(code);

/**
 * The decimals an amount in `currency` may have: the digits `Intl` formats it with (CNY/USD 2, JPY 0, KWD 3), so what
 * is recorded is exactly what the customer's email shows. Only for ISO codes (`isIsoCurrency`).
 */
export const minorUnitDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** The largest amount of money a client may send (an order line, a limit, a resolution). */
export const MAX_MONEY_AMOUNT = 10_000_000;

/** Whether `value` is written with at most `places` decimals (1e-300 is not: it has 300, and DynamoDB refuses it). */
export const hasAtMostDecimals = (value: number, places: number): boolean =>
  Number.isFinite(value) && Number(value.toFixed(places)) === value;

/** Whether `amount` is a whole number of the currency's minor units (no fraction of a cent, none of a yen). */
export const hasMinorUnitsOf = (amount: number, currency: string): boolean =>
  hasAtMostDecimals(amount, minorUnitDigits(currency));

/**
 * An amount in the customer's language (`¥199.00`, `CN¥199.00`). An unknown currency code must not lose the message or
 * the email: it shows the plain amount with whatever code there is.
 */
export const formatMoney = (amount: number, currency: string | number | undefined, locale: Locale): string => {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: String(currency) }).format(amount);
  } catch {
    return `${amount.toFixed(2)}${currency === undefined ? '' : ` ${currency}`}`;
  }
};
