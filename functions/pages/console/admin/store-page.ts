import type { Locale } from '../../../domain/case-vocabulary.js';
import { inputField, selectField, textArea, type FormErrors, type FormValues } from './admin-form.js';
import { adminForm, adminSection, formError, group, hidden, submitButton, type Notice } from './admin-section.js';
import { ADMIN_WORDS } from './admin-words.js';

/** The body of `/console/admin`: the store profile form (see `store-form.ts`). */
export const storePageBody = (
  locale: Locale,
  csrfToken: string,
  values: FormValues,
  errors: FormErrors,
  notice: Notice,
): string => {
  const words = ADMIN_WORDS[locale].store;
  const text = (name: string, label: string, hint?: string, maxLength = 64) =>
    inputField({ name, label, values, errors, hint, maxLength });
  const number = (name: string, label: string, step = '1') =>
    inputField({ name, label, values, errors, type: 'number', step });
  const store = group(
    words.title,
    `<div class="grid">` +
      text('name', words.name, undefined, 120) +
      text('timezone', words.timezone) +
      selectField({ name: 'defaultLocale', label: words.defaultLocale, values, errors }, [
        { value: 'zh-CN', label: words.locales['zh-CN'] },
        { value: 'en', label: words.locales.en },
      ]) +
      text('caseNumberPrefix', words.caseNumberPrefix, words.caseNumberPrefixHint, 6) +
      `</div><div class="grid">` +
      textArea({ name: 'supervisorEmails', label: words.supervisorEmails, values, errors, hint: words.emailsHint }) +
      textArea({ name: 'adminEmails', label: words.adminEmails, values, errors, hint: words.emailsHint }) +
      `</div>`,
  );
  const timing = group(
    words.timing,
    `<div class="grid">` +
      text('reviewReminderAfter', words.reviewReminderAfter) +
      text('reopenWindow', words.reopenWindow) +
      text('awaitingCustomerReminderAfter', words.awaitingCustomerReminderAfter) +
      text('awaitingCustomerLimit', words.awaitingCustomerLimit) +
      selectField({ name: 'awaitingCustomerOutcome', label: words.awaitingCustomerOutcome, values, errors }, [
        { value: 'resolve_no_action', label: words.outcomes.resolve_no_action },
        { value: 'flag', label: words.outcomes.flag },
      ]) +
      number('compensationLimit', words.compensationLimit, '0.01') +
      number('intakeLimitPerCustomerPerHour', words.intakeLimit) +
      `</div>`,
    words.durationHint,
  );
  const targets = group(
    words.kpiTargets,
    `<div class="grid">` +
      number('kpiTargets.firstResponseMaxMinutes', words.firstResponseMaxMinutes) +
      number('kpiTargets.resolutionRateMin', words.resolutionRateMin, '0.01') +
      number('kpiTargets.csatMin', words.csatMin, '0.01') +
      `</div>`,
  );
  return adminSection(
    ADMIN_WORDS[locale],
    'store',
    words.title,
    words.intro,
    notice,
    adminForm(
      '/console/admin',
      csrfToken,
      formError(errors) + store + timing + targets + submitButton(words.save),
      hidden('version', values.version),
    ),
  );
};
