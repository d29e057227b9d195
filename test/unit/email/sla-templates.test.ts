import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../functions/domain/case.js';
import { SLA_MILESTONES } from '../../../functions/domain/sla/sla-policy.js';
import {
  renderEmail,
  slaMilestoneLabel,
  type EmailTemplate,
  type TemplateOf,
} from '../../../functions/email/templates.js';
import { CASE_NUMBER, HAN, p1Assigned, SHOWN_DUE, slaEscalation, slaWarning } from './email-samples.js';

type Escalation = TemplateOf<'sla_escalated'>;
const unassigned: Escalation = { ...slaEscalation, assigneeName: undefined, notified: 'supervisors' };
const levelTwo: Escalation = { ...slaEscalation, level: 2, notified: 'supervisors', reassignmentAllowed: true };
const reassigned: Escalation = { ...levelTwo, reassignedTo: 'Zhao Min' };
const levelThree: Escalation = { ...slaEscalation, level: 3, notified: 'admins', reassignmentAllowed: true };
/** Words a level-1 email to the agent must not use: nothing is escalated or reassigned yet. */
const NO_ESCALATION_WORDS = ['escalated', 'reassign', '升级至', '改派'];

/** Every shape the three kinds come in: each milestone and level, with and without the optional fields. */
const variants: { name: string; template: EmailTemplate; showsDue: boolean }[] = [
  { name: 'warning, first response', template: slaWarning, showsDue: true },
  { name: 'warning, resolution', template: { ...slaWarning, milestone: 'resolution' }, showsDue: true },
  { name: 'level 1, assigned', template: slaEscalation, showsDue: true },
  { name: 'level 1, unassigned', template: unassigned, showsDue: true },
  { name: 'level 2, reassignable', template: { ...levelTwo, milestone: 'resolution' }, showsDue: true },
  { name: 'level 2, reassigned automatically', template: reassigned, showsDue: true },
  { name: 'level 2, unassigned', template: { ...levelTwo, assigneeName: undefined }, showsDue: true },
  { name: 'level 3', template: levelThree, showsDue: true },
  { name: 'P1 assigned, with due time', template: p1Assigned, showsDue: true },
  { name: 'P1 assigned, no due time', template: { ...p1Assigned, firstResponseDueAt: undefined }, showsDue: false },
];

const cases = LOCALES.flatMap((locale) => variants.map((variant) => ({ ...variant, locale })));

describe('Function: renderEmail (SLA)', () => {
  it.each(cases)(
    'names the case and shows the due time in the store zone for $name in $locale',
    ({ template, locale, showsDue }) => {
      // Act
      const email = renderEmail(template, locale);

      // Assess
      expect(email.subject).toMatch(new RegExp(`^\\[${CASE_NUMBER}\\] `));
      expect(email.text).toContain(CASE_NUMBER);
      if (showsDue) {
        expect(email.text).toContain(SHOWN_DUE);
        expect(email.html).toContain(SHOWN_DUE);
      } else {
        expect(email.text).not.toContain('(Asia/Shanghai)');
      }
    },
  );

  it.each(cases)('leaves no undefined or NaN in any part for $name in $locale', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toContain('undefined');
      expect(part).not.toContain('NaN');
      expect(part).not.toContain('null');
    }
  });

  it.each(cases)('writes $name in the language of $locale and addresses no customer', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess
    expect(email.text).not.toMatch(/Dear|您好/);
    if (locale === 'zh-CN') expect(email.text.match(new RegExp(HAN.source, 'g'))?.length ?? 0).toBeGreaterThan(20);
    else expect(`${email.subject}${email.text}`).not.toMatch(HAN);
  });

  it.each(cases)('escapes a store name with markup in the html for $name in $locale', ({ template, locale }) => {
    // Act
    const email = renderEmail({ ...template, storeName: 'Kettle <Shop> & "Co"' }, locale);

    // Assess
    expect(email.html).toContain('Kettle &lt;Shop&gt; &amp; &quot;Co&quot;');
    expect(email.html).not.toContain('<Shop>');
    expect(email.text).toContain('Kettle <Shop> & "Co"');
  });

  it.each([
    { locale: 'en', level: 1, subject: `[${CASE_NUMBER}] SLA breached: first response, level 1` },
    { locale: 'en', level: 3, subject: `[${CASE_NUMBER}] SLA breached: first response, level 3` },
    { locale: 'zh-CN', level: 1, subject: `[${CASE_NUMBER}] SLA 首次响应超时，第 1 级升级` },
    { locale: 'zh-CN', level: 2, subject: `[${CASE_NUMBER}] SLA 首次响应超时，第 2 级升级` },
  ] as const)('puts the level $level in the escalation subject in $locale', ({ locale, level, subject }) => {
    // Act
    const email = renderEmail({ ...slaEscalation, level }, locale);

    // Assess
    expect(email.subject).toBe(`${subject}${locale === 'en' ? ' (Kettle Shop)' : '（Kettle Shop）'}`);
  });

  it.each([
    {
      name: 'level 1 to the agent, first response',
      template: slaEscalation,
      en: [`target for case ${CASE_NUMBER} was missed`, 'Please respond to the customer now.', 'Handled by: Wang Fang'],
      zh: ['首次响应时限已过', '请立即回复客户。', '负责客服：Wang Fang'],
      absent: NO_ESCALATION_WORDS,
    },
    {
      name: 'level 1 to the agent, resolution',
      template: { ...slaEscalation, milestone: 'resolution' },
      en: ['The resolution target', 'Please resolve the case now.'],
      zh: ['解决时限已过', '尽快解决该服务单'],
      absent: NO_ESCALATION_WORDS,
    },
    {
      name: 'level 1 to the supervisors while unassigned',
      template: unassigned,
      en: ['No agent is assigned to the case. Please assign it now', 'Handled by: Not assigned'],
      zh: ['尚未分配客服，请立即分配', '负责客服：未分配'],
      absent: ['Please respond to the customer now.', '请立即回复客户。'],
    },
    {
      name: 'level 2 to the supervisors, reassignment allowed',
      template: levelTwo,
      en: [
        'escalated to you as the store’s supervisors',
        'check with Wang Fang',
        'You can reassign it to another agent',
      ],
      zh: ['现已升级至店铺主管处理', '请与负责客服 Wang Fang 确认情况', '将其改派给其他客服'],
      absent: ['reassigned automatically', '自动将其改派', 'Reassigned to', '改派给：'],
    },
    {
      name: 'level 2 after an automatic reassignment',
      template: reassigned,
      en: ['It has been reassigned automatically to Zhao Min.', 'reassign it again', 'Reassigned to: Zhao Min'],
      zh: ['系统已自动将其改派给客服 Zhao Min。', '再次改派', '改派给：Zhao Min'],
      absent: ['You can reassign it to another agent'],
    },
    {
      name: 'level 2 without reassignment',
      template: { ...levelTwo, reassignmentAllowed: false },
      en: ['escalated to you as the store’s supervisors'],
      zh: ['现已升级至店铺主管处理'],
      absent: ['reassign', '改派'],
    },
    {
      name: 'level 3 to the admins',
      template: levelThree,
      en: ['The case is now escalated to store management.', 'Escalation level: 3'],
      zh: ['该服务单现已升级至店铺管理层。', '升级级别：第 3 级'],
      absent: ['store’s supervisors', '店铺主管处理'],
    },
  ] satisfies { name: string; template: EmailTemplate; en: string[]; zh: string[]; absent: string[] }[])(
    'words the escalation for $name',
    ({ template, en, zh, absent }) => {
      // Act
      const english = renderEmail(template, 'en');
      const chinese = renderEmail(template, 'zh-CN');

      // Assess
      for (const phrase of en) expect(english.text).toContain(phrase);
      for (const phrase of zh) expect(chinese.text).toContain(phrase);
      for (const phrase of absent) {
        expect(english.text).not.toContain(phrase);
        expect(chinese.text).not.toContain(phrase);
      }
    },
  );

  it.each([
    {
      locale: 'en',
      milestone: 'firstResponse',
      phrase: 'SLA warning: first response due soon',
      due: `Due: ${SHOWN_DUE}`,
    },
    { locale: 'en', milestone: 'resolution', phrase: 'SLA warning: resolution due soon', due: `Due: ${SHOWN_DUE}` },
    {
      locale: 'zh-CN',
      milestone: 'firstResponse',
      phrase: 'SLA 预警：首次响应时限即将到期',
      due: `截止时间：${SHOWN_DUE}`,
    },
    { locale: 'zh-CN', milestone: 'resolution', phrase: 'SLA 预警：解决时限即将到期', due: `截止时间：${SHOWN_DUE}` },
  ] as const)('warns of the $milestone due time in $locale', ({ locale, milestone, phrase, due }) => {
    // Act
    const email = renderEmail({ ...slaWarning, milestone }, locale);

    // Assess
    expect(email.subject).toContain(phrase);
    expect(email.text).toContain(due);
  });

  it.each([
    { locale: 'en', type: 'Request type: Product fault', due: `First response due: ${SHOWN_DUE}` },
    { locale: 'zh-CN', type: '申请类型：产品故障', due: `首次响应截止时间：${SHOWN_DUE}` },
  ] as const)('tells the supervisors who took a P1 case and when it is due in $locale', ({ locale, type, due }) => {
    // Act
    const withDue = renderEmail(p1Assigned, locale);
    const withoutDue = renderEmail({ ...p1Assigned, firstResponseDueAt: undefined }, locale);

    // Assess
    expect(withDue.subject).toContain('P1');
    expect(withDue.subject).toContain('Wang Fang');
    expect(withDue.text).toContain(type);
    expect(withDue.text).toContain(due);
    expect(withoutDue.text).not.toContain(due.split(/：|: /)[0]);
  });

  it.each(LOCALES)('refuses to render a due time that is not an instant (%s)', (locale: Locale) => {
    // Act
    const render = () => renderEmail({ ...slaEscalation, dueAt: 'soon' }, locale);

    // Assess
    expect(render).toThrow(RangeError);
  });
});

describe('Function: slaMilestoneLabel', () => {
  it.each([
    { locale: 'en', labels: ['first response', 'resolution'] },
    { locale: 'zh-CN', labels: ['首次响应', '解决'] },
  ] as const)('labels both milestones in $locale', ({ locale, labels }) => {
    // Act
    const shown = SLA_MILESTONES.map((milestone) => slaMilestoneLabel(milestone, locale));

    // Assess
    expect(shown).toEqual(labels);
  });
});
