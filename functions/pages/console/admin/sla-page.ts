import type { Locale } from '../../../domain/case-vocabulary.js';
import { escapeHtml } from '../../../email/render.js';
import { PRIORITIES } from '../../../domain/case-vocabulary.js';
import { WEEKDAYS } from '../../../domain/sla/business-calendar.js';
import { checkbox, inputField, textArea, type FormErrors, type FormValues } from './admin-form.js';
import { adminForm, adminSection, formError, group, hidden, submitButton, type Notice } from './admin-section.js';
import { ADMIN_WORDS } from './admin-words.js';

/** The body of `/console/admin/sla`: the SLA policy and business calendar as one form (see `sla-form.ts`). */
export const slaPageBody = (
  locale: Locale,
  csrfToken: string,
  values: FormValues,
  errors: FormErrors,
  notice: Notice,
): string => {
  const words = ADMIN_WORDS[locale];
  const sla = words.sla;
  const field = (name: string, label: string, hint?: string) =>
    inputField({ name, label, values, errors, hint, maxLength: 40 });
  const calendar = group(
    sla.calendar,
    inputField({
      name: 'calendar.timezone',
      label: sla.timezone,
      values,
      errors,
      hint: sla.timezoneHint,
      maxLength: 64,
    }) +
      checkbox({ name: 'calendar.alwaysOpen', label: sla.alwaysOpen, values, errors }) +
      group(
        sla.weekly,
        `<div class="grid">${WEEKDAYS.map((day) => field(`calendar.weekly.${day}`, sla.weekdays[day])).join('')}</div>` +
          (errors['calendar.weekly'] ? `<p class="error">${escapeHtml(errors['calendar.weekly'])}</p>` : ''),
        sla.weeklyHint,
      ) +
      `<div class="grid">` +
      textArea({
        name: 'calendar.holidays',
        label: sla.holidays,
        values,
        errors,
        hint: sla.holidaysHint,
        maxLength: 11_000,
      }) +
      textArea({
        name: 'calendar.makeUpDays',
        label: sla.makeUpDays,
        values,
        errors,
        hint: sla.makeUpDaysHint,
        maxLength: 11_000,
      }) +
      `</div>`,
  );
  const targets = group(
    sla.targets,
    `<div class="grid">${PRIORITIES.map(
      (priority) =>
        field(`targets.${priority}.firstResponse`, sla.firstResponse(priority)) +
        field(`targets.${priority}.resolution`, sla.resolution(priority)),
    ).join('')}</div>`,
    sla.targetsHint,
  );
  const escalation = group(
    sla.escalation,
    `<div class="grid">` +
      field('escalation.repeatEvery', sla.repeatEvery, sla.durationHint) +
      inputField({ name: 'escalation.maxLevel', label: sla.maxLevel, values, errors, type: 'number' }) +
      inputField({
        name: 'escalation.warnAt',
        label: sla.warnAt,
        values,
        errors,
        hint: sla.warnAtHint,
        type: 'number',
        step: '0.01',
      }) +
      `</div>`,
  );
  const followUp = group(
    sla.followUp,
    `<div class="grid">${(
      ['surveyDelay', 'surveyReminderAfter', 'surveyExpiresAfter', 'revisitAfter', 'revisitAnswerWithin'] as const
    )
      .map((name) => field(name, sla.durations[name]))
      .join('')}</div>`,
    sla.durationHint,
  );
  return adminSection(
    words,
    'sla',
    sla.title,
    sla.intro,
    notice,
    adminForm(
      '/console/admin/sla',
      csrfToken,
      formError(errors) + calendar + targets + escalation + followUp + submitButton(sla.save),
      hidden('version', values.version),
    ),
  );
};
