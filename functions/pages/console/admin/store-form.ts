import type { StoreProfileView } from '../../../domain/store-profile.js';
import { linesOf, numberOf, type FormValues } from './admin-form.js';

/**
 * The store profile as the console's form (`/console/admin`), and back as a `PATCH /v1/admin/store` merge patch of the
 * fields the page shows, with the version it showed: a field the page does not show is never touched, and a save made
 * meanwhile elsewhere is a 409, not overwritten.
 */
const TEXT_FIELDS = [
  'name',
  'timezone',
  'defaultLocale',
  'caseNumberPrefix',
  'reviewReminderAfter',
  'reopenWindow',
  'awaitingCustomerReminderAfter',
  'awaitingCustomerLimit',
  'awaitingCustomerOutcome',
] as const;
const KPI_FIELDS = ['firstResponseMaxMinutes', 'resolutionRateMin', 'csatMin'] as const;

export const STORE_FORM_FIELDS: readonly string[] = [
  ...TEXT_FIELDS,
  'supervisorEmails',
  'adminEmails',
  'compensationLimit',
  'intakeLimitPerCustomerPerHour',
  ...KPI_FIELDS.map((field) => `kpiTargets.${field}`),
];

export const storeFormValues = (profile: StoreProfileView): Record<string, string> => ({
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, profile[field]])),
  supervisorEmails: profile.supervisorEmails.join('\n'),
  adminEmails: profile.adminEmails.join('\n'),
  compensationLimit: String(profile.compensationLimit),
  intakeLimitPerCustomerPerHour: String(profile.intakeLimitPerCustomerPerHour),
  ...Object.fromEntries(KPI_FIELDS.map((field) => [`kpiTargets.${field}`, String(profile.kpiTargets[field])])),
  version: String(profile.version),
});

export const storePatchFromForm = (values: FormValues): Record<string, unknown> => ({
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, (values[field] ?? '').trim()])),
  supervisorEmails: linesOf(values.supervisorEmails),
  adminEmails: linesOf(values.adminEmails),
  compensationLimit: numberOf(values.compensationLimit),
  intakeLimitPerCustomerPerHour: numberOf(values.intakeLimitPerCustomerPerHour),
  kpiTargets: Object.fromEntries(KPI_FIELDS.map((field) => [field, numberOf(values[`kpiTargets.${field}`])])),
  ...(numberOf(values.version) === undefined ? {} : { version: numberOf(values.version) }),
});
