import { awaitingCustomerRulesOf } from './awaiting-customer.js';
import type { Locale } from './case.js';
import { intakeLimitOf } from './intake-limit.js';
import { DEFAULT_KPI_TARGETS } from './kpi/kpi-rollup.js';
import type { KpiTargets } from './kpi/kpi-report.js';
import { compensationLimitOf, DEFAULT_REOPEN_WINDOW, type AwaitingCustomerOutcome, type Store } from './store.js';

/**
 * Prefix of case numbers: 2 to 6 uppercase letters or digits (`AS` -> `AS-20261122-0001`). A change applies to cases
 * filed after it; the daily counter is the store's, not the prefix's, so numbers stay unique across a change.
 */
export const CASE_NUMBER_PREFIX_PATTERN = /^[A-Z0-9]{2,6}$/;

/** What an admin edits (`PUT /v1/admin/store`); everything else on the profile is the system's or an operator's. */
export interface EditableStoreProfile {
  name: string;
  timezone: string;
  defaultLocale: Locale;
  supervisorEmails: string[];
  adminEmails: string[];
  caseNumberPrefix: string;
  reviewReminderAfter: string;
  reopenWindow: string;
  /** A case awaiting the customer: one reminder after this long, then at the limit resolved or flagged. */
  awaitingCustomerReminderAfter: string;
  awaitingCustomerLimit: string;
  awaitingCustomerOutcome: AwaitingCustomerOutcome;
  /** Targets shown beside the KPI report's figures (seed 001's when never saved). */
  kpiTargets: KpiTargets;
  /** The highest compensation one resolution may pay, in the case's currency. */
  compensationLimit: number;
  /** New cases one customer may file per hour (UTC clock hours); past it intake answers 429. */
  intakeLimitPerCustomerPerHour: number;
}

/** The store profile as `GET /v1/admin/store` shows it: the store id, the editable fields, the server's version. */
export interface StoreProfileView extends EditableStoreProfile {
  storeId: string;
  version: number;
}

/** A store that predates a field gets its default here, so the view is whole and can be sent back unchanged. */
export const storeProfileView = (store: Store): StoreProfileView => ({
  storeId: store.storeId,
  name: store.name,
  timezone: store.timezone,
  defaultLocale: store.defaultLocale,
  supervisorEmails: store.supervisorEmails,
  adminEmails: store.adminEmails ?? [],
  caseNumberPrefix: store.caseNumberPrefix,
  reviewReminderAfter: store.reviewReminderAfter,
  reopenWindow: store.reopenWindow ?? DEFAULT_REOPEN_WINDOW,
  ...awaitingCustomerSettings(store),
  kpiTargets: kpiTargetsOf(store),
  compensationLimit: compensationLimitOf(store),
  intakeLimitPerCustomerPerHour: intakeLimitOf(store),
  version: store.version ?? 0,
});

const awaitingCustomerSettings = (
  store: Store,
): Pick<
  EditableStoreProfile,
  'awaitingCustomerReminderAfter' | 'awaitingCustomerLimit' | 'awaitingCustomerOutcome'
> => {
  const rules = awaitingCustomerRulesOf(store);
  return {
    awaitingCustomerReminderAfter: rules.reminderAfter,
    awaitingCustomerLimit: rules.limit,
    awaitingCustomerOutcome: rules.outcome,
  };
};

/** The store's KPI targets, each defaulting to seed 001's. */
export const kpiTargetsOf = (store: Pick<Store, 'kpiTargets'>): KpiTargets => ({
  ...DEFAULT_KPI_TARGETS,
  ...store.kpiTargets,
});
