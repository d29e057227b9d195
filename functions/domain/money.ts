import type { Locale } from './case.js';

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
