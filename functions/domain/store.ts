import type { Locale } from './case.js';
import type { KpiTargets } from './kpi/kpi-report.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from './sla/sla-policy.js';

/** What happens to a case awaiting the customer at the store's limit (see `awaiting-customer.ts`). */
export type AwaitingCustomerOutcome = 'resolve_no_action' | 'flag';

/** A store (tenant): its storefront key decides which store a request belongs to. */
export interface Store {
  storeId: string;
  name: string;
  /**
   * IANA timezone of the store: case-number dates, and the SLA calendar's timezone until an admin saves an SLA policy;
   * from then on the saved `calendar.timezone` is what SLA deadlines are counted in (see `defaultSlaPolicyOf`).
   */
  timezone: string;
  defaultLocale: Locale;
  /** Who is emailed when a case needs a manual review or waits unassigned, and at SLA escalation level 2. */
  supervisorEmails: string[];
  /** Who is emailed at SLA escalation level 3. Absent on stores created before it existed: nobody then. */
  adminEmails?: string[];
  /** Prefix of human-readable case numbers, e.g. `AS` -> `AS-20261122-0001`. */
  caseNumberPrefix: string;
  /** New cases one customer may file per hour (20 when absent); past it intake answers 429. */
  intakeLimitPerCustomerPerHour?: number;
  /** How long a supervisor has to decide a manual review before reminders go out, ISO 8601 duration. */
  reviewReminderAfter: string;
  /**
   * The longest a workflow waits on a callback before it re-reads the case, ISO 8601 duration (`P1D` when absent):
   * the safety net should an API action's completion of the wait fail after its retries. Waits wake sooner at every
   * SLA step (warning, breach, escalation), so a lost signal is picked up at the next one, or within this period when
   * none is due (a case paused while the customer answers). Each wake costs 3 state transitions.
   */
  signalRecheckAfter?: string;
  /**
   * How long after a resolution the customer's message reopens the case (elapsed time, `P7D` when absent); a message
   * after it, or on a closed case, files a new case linked to this one.
   */
  reopenWindow?: string;
  /** A case awaiting the customer: when they are reminded once (elapsed time, `P3D` when absent). */
  awaitingCustomerReminderAfter?: string;
  /** ... and when the wait ends (elapsed time, `P7D` when absent); see `domain/awaiting-customer.ts`. */
  awaitingCustomerLimit?: string;
  /** What ends it: resolved as `no_action` (`resolve_no_action`, the default) or flagged for the supervisors (`flag`). */
  awaitingCustomerOutcome?: AwaitingCustomerOutcome;
  /** The team's KPI targets beside the report's figures; seed 001's defaults when absent (`DEFAULT_KPI_TARGETS`). */
  kpiTargets?: KpiTargets;
  /**
   * The highest compensation one resolution may pay, in the case's currency (`DEFAULT_COMPENSATION_LIMIT` when absent).
   * Above the policy's `autoApproveValueLimit` an agent's compensation also needs a supervisor's approval.
   */
  compensationLimit?: number;
  /** The profile's version: the server's, one up at each admin save (`PUT /v1/admin/store`); absent (0) before any. */
  version?: number;
}

export const DEFAULT_REOPEN_WINDOW = 'P7D';

export const DEFAULT_COMPENSATION_LIMIT = 5_000;

export const compensationLimitOf = (store: Pick<Store, 'compensationLimit'>): number =>
  store.compensationLimit ?? DEFAULT_COMPENSATION_LIMIT;

export const DEFAULT_SIGNAL_RECHECK_AFTER = 'P1D';

/** The SLA policy of a store that never saved one: the default, on a calendar in the store's own timezone. */
export const defaultSlaPolicyOf = (store: Pick<Store, 'timezone'> | undefined): StoreSlaPolicy => ({
  ...DEFAULT_SLA_POLICY,
  calendar: { ...DEFAULT_SLA_POLICY.calendar, timezone: store?.timezone ?? DEFAULT_SLA_POLICY.calendar.timezone },
  version: 0,
});
