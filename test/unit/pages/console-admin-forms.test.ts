import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../functions/domain/agent.js';
import { DEFAULT_SLA_POLICY } from '../../../functions/domain/sla/sla-policy.js';
import { errorsByField } from '../../../functions/pages/console/admin/admin-form.js';
import {
  agentFormValues,
  agentPatchFromForm,
  newAgentFromForm,
} from '../../../functions/pages/console/admin/agent-form.js';
import { SLA_FORM_FIELDS, slaBodyFromForm, slaFormValues } from '../../../functions/pages/console/admin/sla-form.js';
import { slaPageBody } from '../../../functions/pages/console/admin/sla-page.js';
import { slaPolicyBodySchema } from '../../../functions/schemas/admin-requests.js';

const policy = {
  ...DEFAULT_SLA_POLICY,
  calendar: {
    timezone: 'Asia/Shanghai',
    weekly: {
      monday: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
    },
    holidays: ['2027-01-01', '2027-02-10'],
    makeUpDays: ['2027-02-14'],
  },
  version: 4,
};

describe('Function: slaFormValues / slaBodyFromForm', () => {
  it('reads back, unchanged, the policy it showed (so saving an untouched form changes nothing)', () => {
    // Act
    const body = slaBodyFromForm(slaFormValues(policy));

    // Assess
    const { version, ...rules } = policy;
    expect(slaPolicyBodySchema.parse(body)).toEqual({ ...rules, version });
  });

  it('reads hours as comma-separated ranges, dates one per line, and an always-open calendar without them', () => {
    // Prepare
    const values = {
      ...slaFormValues(policy),
      'calendar.weekly.saturday': ' 10:00-14:00 ',
      'calendar.holidays': '2027-05-03\r\n\r\n 2027-05-04 ',
    };

    // Act
    const body = slaBodyFromForm(values) as { calendar: Record<string, unknown> };
    const open = slaBodyFromForm({ ...values, 'calendar.alwaysOpen': 'on' }) as { calendar: Record<string, unknown> };

    // Assess
    expect(body.calendar.weekly).toMatchObject({ saturday: [{ start: '10:00', end: '14:00' }] });
    expect(body.calendar.holidays).toEqual(['2027-05-03', '2027-05-04']);
    expect(open.calendar).toEqual({ timezone: 'Asia/Shanghai', alwaysOpen: true });
  });

  it('shows each error beside its field, with the text as typed and the CSRF token', () => {
    // Prepare
    const errors = errorsByField(
      [
        { path: 'calendar.holidays.0', message: 'A real date' },
        { path: 'targets.P1.firstResponse', message: 'A duration' },
        { path: 'body', message: 'Unknown field' },
      ],
      SLA_FORM_FIELDS,
    );

    // Act
    const html = slaPageBody('en', 'token-1', { 'calendar.holidays': '<2027-13-40>' }, errors, { kind: 'error' });

    // Assess
    expect(errors).toEqual({
      'calendar.holidays': 'A real date',
      'targets.P1.firstResponse': 'A duration',
      form: 'Unknown field',
    });
    expect(html).toContain('name="csrf" value="token-1"');
    expect(html).toContain('&lt;2027-13-40&gt;</textarea><p class="error" id="f-calendar-holidays-error">A real date');
    expect(html).toContain('aria-describedby="f-calendar-holidays-hint f-calendar-holidays-error" aria-invalid="true"');
    expect(html).toContain('role="alert"');
  });
});

describe('Function: agent forms', () => {
  const agent: Agent = {
    storeId: 'store-a',
    agentId: 'li.na',
    name: 'Li Na',
    email: 'li.na@store-a.example',
    skills: { types: ['repair', 'refund'], categories: ['phones', 'audio'], locales: ['en'] },
    maxOpenCases: 6,
    available: true,
    supervisorId: 'supervisor1',
    openCases: 2,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    version: 3,
  };

  it('sends every field the edit form shows, with the version, as a merge patch', () => {
    // Act
    const patch = agentPatchFromForm({ ...agentFormValues(agent), maxOpenCases: '8', supervisorId: '' });

    // Assess
    expect(patch).toEqual({
      name: 'Li Na',
      email: 'li.na@store-a.example',
      skills: { types: ['repair', 'refund'], categories: ['phones', 'audio'], locales: ['en'] },
      maxOpenCases: 8,
      available: true,
      supervisorId: null,
      version: 3,
    });
  });

  it('adds an agent without a supervisor when none is typed; a number that is no number is kept for the schema', () => {
    // Act
    const created = newAgentFromForm({
      agentId: ' wu ',
      name: 'Wu',
      maxOpenCases: 'five',
      'skills.locales.zh-CN': 'on',
    });

    // Assess
    expect(created).toEqual({
      agentId: 'wu',
      name: 'Wu',
      email: '',
      skills: { types: [], categories: [], locales: ['zh-CN'] },
      maxOpenCases: 'five',
      available: false,
    });
  });
});
