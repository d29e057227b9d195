import type { Locale } from './case.js';

/** A store (tenant): its storefront key decides which store a request belongs to. */
export interface Store {
  storeId: string;
  name: string;
  /** IANA timezone used for case-number dates (and the SLA calendar later). */
  timezone: string;
  defaultLocale: Locale;
  /** Who is emailed when a case needs a manual review. */
  supervisorEmails: string[];
  /** Prefix of human-readable case numbers, e.g. `AS` -> `AS-20261122-0001`. */
  caseNumberPrefix: string;
  /** How long a supervisor has to decide a manual review before reminders go out, ISO 8601 duration. */
  reviewReminderAfter: string;
  /**
   * How long a workflow waits on a callback before it re-reads the case, ISO 8601 duration (`PT6H` when absent): the
   * safety net should an API action's completion of the wait fail after its retries. The SLA deadlines replace it.
   */
  signalRecheckAfter?: string;
}

export const DEFAULT_SIGNAL_RECHECK_AFTER = 'PT6H';
