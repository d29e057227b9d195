import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../functions/domain/agent.js';
import { CASE_TYPES } from '../../../functions/domain/case-vocabulary.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../../functions/domain/policy/store-policy.js';
import { DEFAULT_SLA_POLICY } from '../../../functions/domain/sla/sla-policy.js';
import { errorsByField } from '../../../functions/pages/console/admin/admin-form.js';
import {
  agentFormValues,
  agentPatchFromForm,
  newAgentFromForm,
} from '../../../functions/pages/console/admin/agent-form.js';
import {
  POLICY_FORM_FIELDS,
  policyBodyFromForm,
  policyFormValues,
} from '../../../functions/pages/console/admin/policy-form.js';
import { policyPageBody } from '../../../functions/pages/console/admin/policy-page.js';
import { CONSOLE_WORDS } from '../../../functions/pages/console/console-words.js';
import { SLA_FORM_FIELDS, slaBodyFromForm, slaFormValues } from '../../../functions/pages/console/admin/sla-form.js';
import { slaPageBody } from '../../../functions/pages/console/admin/sla-page.js';
import { policyBodySchema, slaPolicyBodySchema } from '../../../functions/schemas/admin-requests.js';

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

describe('Function: policyFormValues / policyBodyFromForm', () => {
  const storePolicy: StorePolicy = {
    version: 7,
    returnWindowDays: 0,
    exchangeWindowDays: 30,
    warrantyDays: 730,
    // A comma inside a category: the form lists one per line, so it comes back whole.
    nonReturnableCategories: ['perishables', 'books, opened', '定制商品'],
    evidenceRequiredTypes: ['repair', 'product_fault', 'logistics'],
    missingEvidence: 'reject',
    autoApproveValueLimit: 1999.99,
    priorityMatrix: {
      critical: { high: 'P1', medium: 'P1', low: 'P2' },
      major: { high: 'P2', medium: 'P3', low: 'P3' },
      minor: { high: 'P4', medium: 'P4', low: 'P4' },
    },
    highValueThreshold: 0,
    repeatCaseThreshold: 5,
  };

  it('reads back, unchanged, the policy it showed (so saving an untouched form changes nothing)', () => {
    for (const policy of [storePolicy, DEFAULT_POLICY]) {
      // Act
      const body = policyBodyFromForm(policyFormValues(policy));

      // Assess
      expect(policyBodySchema.parse(body)).toEqual(policy);
    }
  });

  it('reads one category per line, the ticked case types, the matrix cells and the version', () => {
    // Prepare
    const values = {
      ...policyFormValues(storePolicy),
      nonReturnableCategories: ' digital \r\n\r\nhygiene_opened\n',
      'evidenceRequiredTypes.repair': '',
      'evidenceRequiredTypes.return': 'on',
      'priorityMatrix.minor.low': 'P3',
      returnWindowDays: ' 14 ',
    };

    // Act
    const body = policyBodySchema.parse(policyBodyFromForm(values));

    // Assess
    expect(body).toEqual({
      ...storePolicy,
      returnWindowDays: 14,
      nonReturnableCategories: ['digital', 'hygiene_opened'],
      evidenceRequiredTypes: ['return', 'product_fault', 'logistics'],
      priorityMatrix: { ...storePolicy.priorityMatrix, minor: { high: 'P4', medium: 'P4', low: 'P3' } },
    });
  });

  it('keeps a number that is no number, and an empty one, for the schema to name their fields', () => {
    // Act
    const body = policyBodyFromForm({
      ...policyFormValues(storePolicy),
      warrantyDays: 'a year',
      repeatCaseThreshold: '',
    });
    const result = policyBodySchema.safeParse(body);

    // Assess
    expect(body).toMatchObject({ warrantyDays: 'a year', repeatCaseThreshold: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'repeatCaseThreshold',
      'warrantyDays',
    ]);
  });

  it('shows each error beside its field, the version and the CSRF token, and labels every control', () => {
    // Prepare
    const errors = errorsByField(
      [
        { path: 'nonReturnableCategories.1', message: 'At most 64 characters' },
        { path: 'priorityMatrix.major.low', message: 'Invalid option' },
        { path: 'returnWindowDays', message: 'Too big' },
        { path: 'body', message: 'Unknown field' },
      ],
      POLICY_FORM_FIELDS,
    );
    const values = { ...policyFormValues(storePolicy), returnWindowDays: '<400>' };
    const context = { locale: 'en' as const, csrfToken: 'token-2', typeNames: CONSOLE_WORDS.en.types };

    // Act
    const html = policyPageBody(context, values, errors, { kind: 'error' });

    // Assess
    expect(errors).toEqual({
      nonReturnableCategories: 'At most 64 characters',
      'priorityMatrix.major.low': 'Invalid option',
      returnWindowDays: 'Too big',
      form: 'Unknown field',
    });
    expect(html).toContain('name="csrf" value="token-2"');
    expect(html).toContain('<input type="hidden" name="version" value="7">');
    expect(html).toContain('Version 7');
    expect(html).toContain('value="&lt;400&gt;"');
    expect(html).toContain('aria-invalid="true"><p class="error" id="f-returnWindowDays-error">Too big</p>');
    expect(html).toContain('<p class="error" id="f-priorityMatrix-major-low-error">Invalid option</p>');
    expect(html).toContain('books, opened\n定制商品</textarea>');
    expect(html).toContain('role="alert"');
    // Every control (but the hidden ones) has a label pointing at it.
    const controls = [...html.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((match) => match[1]);
    const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]));
    expect(controls.length).toBe(6 + 1 + CASE_TYPES.length + 1 + 9);
    expect(controls.filter((id) => !labelled.has(id))).toEqual([]);
  });

  it('shows the policy in Chinese with the Chinese case type names', () => {
    // Act
    const html = policyPageBody(
      { locale: 'zh-CN', csrfToken: 't', typeNames: CONSOLE_WORDS['zh-CN'].types },
      policyFormValues(DEFAULT_POLICY),
      {},
      { kind: 'saved' },
    );

    // Assess
    expect(html).toContain('<h1>自动审核规则</h1>');
    expect(html).toContain(`>${CONSOLE_WORDS['zh-CN'].types.product_fault}</label>`);
    expect(html).toContain('aria-current="page">自动审核规则</a>');
    expect(html).toContain('已保存。');
  });
});
