import { CASE_TYPES, SEVERITIES, URGENCIES } from '../../../domain/case-vocabulary.js';
import type { StorePolicy } from '../../../domain/policy/store-policy.js';
import { eachLineOf, numberOf, tickedIn, type FormValues } from './admin-form.js';

/**
 * The auto-review policy as the admin policy page's form (`/console/admin/policy`): every field of
 * `PUT /v1/admin/policy` as text a person edits (one category per line, a box per case type, a choice per cell of the
 * priority matrix), and back. The form always sends every field with the version it showed, so saving it replaces the
 * policy with what the page showed plus the admin's edits, and never over another admin's newer save.
 */
const NUMBER_FIELDS = [
  'returnWindowDays',
  'exchangeWindowDays',
  'warrantyDays',
  'autoApproveValueLimit',
  'highValueThreshold',
  'repeatCaseThreshold',
] as const;

const matrixCell = (severity: string, urgency: string) => `priorityMatrix.${severity}.${urgency}`;

export const POLICY_FORM_FIELDS: readonly string[] = [
  ...NUMBER_FIELDS,
  'nonReturnableCategories',
  'evidenceRequiredTypes',
  'missingEvidence',
  'priorityMatrix',
  ...SEVERITIES.flatMap((severity) => URGENCIES.map((urgency) => matrixCell(severity, urgency))),
];

export const policyFormValues = (policy: StorePolicy): Record<string, string> => ({
  version: String(policy.version),
  ...Object.fromEntries(NUMBER_FIELDS.map((field) => [field, String(policy[field])])),
  // One per line, not comma-separated: a category may hold a comma, and must come back as it was.
  nonReturnableCategories: policy.nonReturnableCategories.join('\n'),
  ...Object.fromEntries(policy.evidenceRequiredTypes.map((type) => [`evidenceRequiredTypes.${type}`, 'on'])),
  missingEvidence: policy.missingEvidence,
  ...Object.fromEntries(
    SEVERITIES.flatMap((severity) =>
      URGENCIES.map((urgency) => [matrixCell(severity, urgency), policy.priorityMatrix[severity][urgency]]),
    ),
  ),
});

/**
 * The `PUT /v1/admin/policy` body the form describes (not yet validated: the schema does that). Numbers that do not
 * read as numbers are kept as typed, so the schema names their field; the case types come back in the vocabulary's
 * order (the policy only asks whether a type is listed).
 */
export const policyBodyFromForm = (values: FormValues): Record<string, unknown> => ({
  ...(numberOf(values.version) === undefined ? {} : { version: numberOf(values.version) }),
  ...Object.fromEntries(NUMBER_FIELDS.map((field) => [field, numberOf(values[field])])),
  nonReturnableCategories: eachLineOf(values.nonReturnableCategories),
  evidenceRequiredTypes: tickedIn(values, 'evidenceRequiredTypes', CASE_TYPES),
  missingEvidence: (values.missingEvidence ?? '').trim(),
  priorityMatrix: Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      Object.fromEntries(URGENCIES.map((urgency) => [urgency, (values[matrixCell(severity, urgency)] ?? '').trim()])),
    ]),
  ),
});
