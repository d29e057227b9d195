import { CASE_TYPES, PRIORITIES, SEVERITIES, URGENCIES, type CaseType } from '../../../domain/case-vocabulary.js';
import type { Locale } from '../../../domain/case-vocabulary.js';
import { MISSING_EVIDENCE_HANDLING } from '../../../domain/policy/store-policy.js';
import { escapeHtml } from '../../../email/render.js';
import {
  checkboxGroup,
  fieldId,
  inputField,
  selectField,
  textArea,
  type FormErrors,
  type FormValues,
} from './admin-form.js';
import { adminForm, adminSection, formError, group, hidden, submitButton, type Notice } from './admin-section.js';
import { ADMIN_WORDS, type AdminWords } from './admin-words.js';

/** What the policy page needs besides its form: the page's language, the session's token, the case types' names. */
export interface PolicyPageContext {
  locale: Locale;
  csrfToken: string;
  /** The case types' names in the page's language (the console's words). */
  typeNames: Record<CaseType, string>;
}

/**
 * The priority matrix as a table: severities as rows, urgencies as columns, a priority choice in each cell (labelled
 * for assistive technology by its row and column). Under 40rem the shell stacks the rows; `data-label` names each cell.
 */
const matrixTable = (words: AdminWords['policy'], values: FormValues, errors: FormErrors): string => {
  const choices = PRIORITIES.map((priority) => ({ value: priority, label: priority }));
  const matrixError = errors.priorityMatrix;
  return (
    `<table class="matrix"><caption class="sr">${escapeHtml(words.priorityMatrix)}</caption>` +
    `<thead><tr><th scope="col">${escapeHtml(words.severity)}</th>` +
    URGENCIES.map((urgency) => `<th scope="col">${escapeHtml(words.urgencies[urgency])}</th>`).join('') +
    `</tr></thead><tbody>` +
    SEVERITIES.map(
      (severity) =>
        `<tr><th scope="row">${escapeHtml(words.severities[severity])}</th>` +
        URGENCIES.map(
          (urgency) =>
            `<td data-label="${escapeHtml(words.urgencies[urgency])}">` +
            selectField(
              {
                name: `priorityMatrix.${severity}.${urgency}`,
                label: words.cell(words.severities[severity], words.urgencies[urgency]),
                hiddenLabel: true,
                values,
                errors,
              },
              choices,
            ) +
            `</td>`,
        ).join('') +
        `</tr>`,
    ).join('') +
    `</tbody></table>` +
    (matrixError ? `<p class="error" id="${fieldId('priorityMatrix')}-error">${escapeHtml(matrixError)}</p>` : '')
  );
};

/** The body of `/console/admin/policy`: the auto-review and classification policy as one form (see `policy-form.ts`). */
export const policyPageBody = (
  context: PolicyPageContext,
  values: FormValues,
  errors: FormErrors,
  notice: Notice,
): string => {
  const words = ADMIN_WORDS[context.locale];
  const policy = words.policy;
  const number = (name: string, label: string, hint?: string, step = '1') =>
    inputField({ name, label, values, errors, hint, type: 'number', step });
  const windows = group(
    policy.windows,
    `<div class="grid">` +
      number('returnWindowDays', policy.returnWindowDays) +
      number('exchangeWindowDays', policy.exchangeWindowDays) +
      number('warrantyDays', policy.warrantyDays) +
      `</div>`,
    policy.daysHint,
  );
  const evidence = group(
    policy.evidence,
    textArea({
      name: 'nonReturnableCategories',
      label: policy.nonReturnableCategories,
      values,
      errors,
      hint: policy.categoriesHint,
      // 100 categories of up to 64 characters, one per line.
      maxLength: 6_600,
    }) +
      checkboxGroup(
        'evidenceRequiredTypes',
        policy.evidenceRequiredTypes,
        CASE_TYPES.map((type) => ({ value: type, label: context.typeNames[type] })),
        values,
        errors,
      ) +
      selectField(
        { name: 'missingEvidence', label: policy.missingEvidence, values, errors },
        MISSING_EVIDENCE_HANDLING.map((handling) => ({
          value: handling,
          label: policy.missingEvidenceChoices[handling],
        })),
      ),
  );
  const review = group(
    policy.review,
    `<div class="grid">` +
      number('autoApproveValueLimit', policy.autoApproveValueLimit, policy.autoApproveValueLimitHint, '0.01') +
      number('highValueThreshold', policy.highValueThreshold, policy.highValueThresholdHint, '0.01') +
      number('repeatCaseThreshold', policy.repeatCaseThreshold, policy.repeatCaseThresholdHint) +
      `</div>`,
  );
  const matrix = group(policy.priorityMatrix, matrixTable(policy, values, errors), policy.priorityMatrixHint);
  // The version the form edits (the one posted, when a refused post is shown again; a forged one is not shown).
  const version = /^\d{1,9}$/.test(values.version ?? '')
    ? `<p class="muted">${escapeHtml(words.version(Number(values.version)))}</p>`
    : '';
  return adminSection(
    words,
    'policy',
    policy.title,
    policy.intro,
    notice,
    adminForm(
      '/console/admin/policy',
      context.csrfToken,
      version + formError(errors) + windows + evidence + review + matrix + submitButton(policy.save),
      hidden('version', values.version),
    ),
  );
};
