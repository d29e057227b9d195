import { PRIORITIES } from '../../../domain/case-vocabulary.js';
import { weeklyHoursOf, WEEKDAYS, type WeeklyHours } from '../../../domain/sla/business-calendar.js';
import type { StoreSlaPolicy } from '../../../domain/sla/sla-policy.js';
import { linesOf, numberOf, type FormValues } from './admin-form.js';

/**
 * The SLA policy as the admin SLA page's form (`/console/admin/sla`): every field of `PUT /v1/admin/sla` as text a person
 * edits (working hours per weekday as `09:00-12:00, 13:00-18:00`, one holiday per line), and back. The form always
 * sends every field, so saving it replaces the policy with what the page showed plus the admin's edits.
 */
const DURATION_FIELDS = [
  'surveyDelay',
  'surveyReminderAfter',
  'surveyExpiresAfter',
  'revisitAfter',
  'revisitAnswerWithin',
] as const;

export const SLA_FORM_FIELDS: readonly string[] = [
  'calendar.timezone',
  'calendar.alwaysOpen',
  ...WEEKDAYS.map((day) => `calendar.weekly.${day}`),
  'calendar.weekly',
  'calendar.holidays',
  'calendar.makeUpDays',
  ...PRIORITIES.flatMap((priority) => [`targets.${priority}.firstResponse`, `targets.${priority}.resolution`]),
  'escalation.repeatEvery',
  'escalation.maxLevel',
  'escalation.warnAt',
  ...DURATION_FIELDS,
];

const hoursText = (weekly: WeeklyHours, day: (typeof WEEKDAYS)[number]): string =>
  (weekly[day] ?? []).map(({ start, end }) => `${start}-${end}`).join(', ');

export const slaFormValues = (policy: StoreSlaPolicy): Record<string, string> => {
  const weekly = weeklyHoursOf(policy.calendar);
  return {
    version: String(policy.version),
    'calendar.timezone': policy.calendar.timezone,
    'calendar.alwaysOpen': policy.calendar.alwaysOpen ? 'on' : '',
    ...Object.fromEntries(WEEKDAYS.map((day) => [`calendar.weekly.${day}`, hoursText(weekly, day)])),
    'calendar.holidays': (policy.calendar.holidays ?? []).join('\n'),
    'calendar.makeUpDays': (policy.calendar.makeUpDays ?? []).join('\n'),
    ...Object.fromEntries(
      PRIORITIES.flatMap((priority) => [
        [`targets.${priority}.firstResponse`, policy.targets[priority].firstResponse],
        [`targets.${priority}.resolution`, policy.targets[priority].resolution],
      ]),
    ),
    'escalation.repeatEvery': policy.escalation.repeatEvery,
    'escalation.maxLevel': String(policy.escalation.maxLevel),
    'escalation.warnAt': policy.escalation.warnAt === undefined ? '' : String(policy.escalation.warnAt),
    ...Object.fromEntries(DURATION_FIELDS.map((field) => [field, policy[field]])),
  };
};

/** `09:00-12:00, 13:00-18:00` -> the ranges; a range without a dash keeps its text as `start` for the rules to name. */
const hoursOf = (text: string | undefined) =>
  linesOf(text).map((range) => {
    const [start = '', end = ''] = range.split('-').map((part) => part.trim());
    return { start, end };
  });

/** The `PUT /v1/admin/sla` body the form describes (not yet validated: the schema and the SLA rules do that). */
export const slaBodyFromForm = (values: FormValues): Record<string, unknown> => {
  const alwaysOpen = values['calendar.alwaysOpen'] === 'on';
  const timezone = (values['calendar.timezone'] ?? '').trim();
  const warnAt = numberOf(values['escalation.warnAt']);
  return {
    ...(numberOf(values.version) === undefined ? {} : { version: numberOf(values.version) }),
    calendar: alwaysOpen
      ? { timezone, alwaysOpen: true }
      : {
          timezone,
          weekly: Object.fromEntries(
            WEEKDAYS.map((day) => [day, hoursOf(values[`calendar.weekly.${day}`])] as const).filter(
              ([, hours]) => hours.length > 0,
            ),
          ),
          holidays: linesOf(values['calendar.holidays']),
          makeUpDays: linesOf(values['calendar.makeUpDays']),
        },
    targets: Object.fromEntries(
      PRIORITIES.map((priority) => [
        priority,
        {
          firstResponse: (values[`targets.${priority}.firstResponse`] ?? '').trim(),
          resolution: (values[`targets.${priority}.resolution`] ?? '').trim(),
        },
      ]),
    ),
    escalation: {
      repeatEvery: (values['escalation.repeatEvery'] ?? '').trim(),
      maxLevel: numberOf(values['escalation.maxLevel']),
      ...(warnAt === undefined ? {} : { warnAt }),
    },
    ...Object.fromEntries(DURATION_FIELDS.map((field) => [field, (values[field] ?? '').trim()])),
  };
};
