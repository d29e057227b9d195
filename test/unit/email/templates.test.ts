import { describe, expect, it } from 'vitest';
import { CASE_TYPES, LOCALES, RESOLUTION_TYPES, type Locale } from '../../../functions/domain/case.js';
import { escapeHtml } from '../../../functions/email/render.js';
import {
  caseTypeLabel,
  renderEmail,
  resolutionTypeLabel,
  type EmailKind,
  type EmailTemplate,
  type TemplateOf,
} from '../../../functions/email/templates.js';
import {
  CASE_NUMBER,
  caseReopened,
  customerCase,
  HAN,
  p1Assigned,
  agentAssigned,
  agentReopened,
  revisitDue,
  revisitOverdue,
  slaEscalation,
  slaWarning,
  staffCase,
  surveyInvitation,
  surveyReminder,
} from './email-samples.js';

const reasons = [
  { code: 'return_window_expired', message: 'The return window of 7 days has passed.' },
  { code: 'evidence_required', message: 'A photo of the fault is required.' },
];

const samples: { [K in EmailKind]: TemplateOf<K> } = {
  case_acknowledged: {
    kind: 'case_acknowledged',
    ...customerCase,
    caseType: 'return',
  },
  case_rejected: {
    kind: 'case_rejected',
    ...customerCase,
    reasons,
  },
  case_under_review: {
    kind: 'case_under_review',
    ...customerCase,
  },
  review_requested: {
    kind: 'review_requested',
    ...staffCase,
    orderId: 'SO-1001',
    reasons,
    reminder: false,
  },
  case_assigned: {
    kind: 'case_assigned',
    ...customerCase,
    agentName: 'Wang Fang',
  },
  reply_posted: {
    kind: 'reply_posted',
    ...customerCase,
    authorName: 'Wang Fang',
    body: 'Please send a photo of the base.\nThank you!',
  },
  awaiting_customer: {
    kind: 'awaiting_customer',
    ...customerCase,
    latestReply: 'Please send a photo of the base.',
  },
  evidence_requested: {
    kind: 'evidence_requested',
    ...customerCase,
    caseType: 'product_fault',
    minimum: 1,
    safetyHazard: true,
  },
  awaiting_customer_reminder: {
    kind: 'awaiting_customer_reminder',
    ...customerCase,
    closesCase: true,
  },
  awaiting_customer_overdue: {
    kind: 'awaiting_customer_overdue',
    ...staffCase,
    agentName: 'Wang Fang',
    since: '2026-11-20T02:00:00Z',
    timezone: 'Asia/Shanghai',
  },
  case_resolved: {
    kind: 'case_resolved',
    ...customerCase,
    resolutionType: 'refund',
    amount: { value: 199, currency: 'CNY' },
    summary: 'The refund was sent to your original payment method.',
  },
  case_cancelled: {
    kind: 'case_cancelled',
    ...customerCase,
    reason: 'Found a solution myself',
  },
  case_unassigned: {
    kind: 'case_unassigned',
    ...staffCase,
    caseType: 'product_fault',
    priority: 'P2',
  },
  sla_warning: slaWarning,
  sla_escalated: {
    ...slaEscalation,
    milestone: 'resolution',
    level: 2,
    reassignmentAllowed: true,
    reassignedTo: 'Zhao Min',
  },
  p1_case_assigned: p1Assigned,
  agent_case_assigned: agentAssigned,
  agent_case_reopened: agentReopened,
  survey_invitation: surveyInvitation,
  survey_reminder: surveyReminder,
  revisit_due: revisitDue,
  revisit_overdue: revisitOverdue,
  case_reopened: caseReopened,
};

const cases = LOCALES.flatMap((locale) =>
  Object.values(samples).map((template) => ({ kind: template.kind, locale, template })),
);

/** The visible text of the HTML part, entities decoded, whitespace collapsed. */
const htmlToPlain = (html: string): string =>
  html
    .replace(/<head>[\s\S]*<\/head>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('Function: renderEmail', () => {
  it.each(cases)('renders $kind in $locale with the case number in subject, text and html', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess
    expect(email.subject).toContain(CASE_NUMBER);
    expect(email.text).toContain(CASE_NUMBER);
    expect(email.html).toContain(CASE_NUMBER);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toMatch(/^<!DOCTYPE html><html lang="(zh-CN|en)">/);
    expect(email.html).toContain(`lang="${locale}"`);
  });

  it.each(cases)('says the same things in text and html for $kind in $locale', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess: every line of the text part is in the HTML part (facts split into label and value)
    const plain = htmlToPlain(email.html);
    const lines = email.text
      .split('\n')
      .map((line) => line.replace(/^(- |>\s?)/, '').trim())
      .filter((line) => line !== '' && line !== '--');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      for (const part of line.split(/：|: /)) expect(plain).toContain(part.trim());
    }
  });

  it.each(cases)('writes $kind in $locale in the language of the locale', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess
    if (locale === 'zh-CN') {
      expect(email.subject).toMatch(HAN);
      expect(email.text).toMatch(HAN);
      expect(email.text.match(new RegExp(HAN.source, 'g'))?.length ?? 0).toBeGreaterThan(20);
    } else {
      expect(email.subject).not.toMatch(HAN);
      expect(email.text).not.toMatch(HAN);
    }
  });

  it.each(LOCALES)('escapes every interpolated value in the html when the values carry markup (%s)', (locale) => {
    // Prepare
    const hostile = '<script>alert("x")</script>';
    const templates: EmailTemplate[] = [
      { kind: 'case_acknowledged', caseNumber: CASE_NUMBER, customerName: hostile, storeName: `A & B's ${hostile}` },
      {
        kind: 'case_rejected',
        caseNumber: CASE_NUMBER,
        customerName: hostile,
        storeName: hostile,
        reasons: [{ code: 'x', message: hostile }],
      },
      { kind: 'case_under_review', caseNumber: CASE_NUMBER, customerName: hostile, storeName: hostile },
      {
        kind: 'review_requested',
        caseNumber: CASE_NUMBER,
        caseId: hostile,
        storeName: hostile,
        orderId: `"><img src=x onerror=alert(1)>`,
        reasons: [{ code: hostile, message: hostile }],
        reminder: true,
      },
      { kind: 'case_assigned', caseNumber: CASE_NUMBER, customerName: hostile, storeName: hostile, agentName: hostile },
      {
        kind: 'reply_posted',
        caseNumber: CASE_NUMBER,
        customerName: hostile,
        storeName: hostile,
        authorName: hostile,
        body: `${hostile}\n"><img src=x onerror=alert(1)>`,
      },
      {
        kind: 'awaiting_customer',
        caseNumber: CASE_NUMBER,
        customerName: hostile,
        storeName: hostile,
        latestReply: hostile,
      },
      {
        kind: 'case_resolved',
        caseNumber: CASE_NUMBER,
        customerName: hostile,
        storeName: hostile,
        resolutionType: 'compensation',
        amount: { value: 20, currency: 'USD' },
        summary: hostile,
      },
      { kind: 'case_cancelled', caseNumber: CASE_NUMBER, customerName: hostile, storeName: hostile, reason: hostile },
      {
        kind: 'case_unassigned',
        caseNumber: CASE_NUMBER,
        caseId: `"><img src=x onerror=alert(1)>`,
        storeName: hostile,
        caseType: 'return',
      },
      { ...samples.sla_warning, caseId: hostile, storeName: hostile },
      { ...samples.sla_escalated, storeName: hostile, assigneeName: hostile, reassignedTo: hostile },
      { ...samples.p1_case_assigned, caseId: hostile, storeName: hostile, agentName: hostile },
      { ...samples.agent_case_assigned, caseId: hostile, storeName: hostile, agentName: hostile, orderId: hostile },
      { ...samples.survey_invitation, customerName: hostile, storeName: hostile },
      { ...samples.survey_reminder, customerName: hostile, storeName: hostile },
      { ...samples.revisit_due, caseId: hostile, storeName: hostile, agentName: hostile },
      { ...samples.revisit_overdue, caseId: hostile, storeName: hostile, agentName: hostile },
      { ...samples.case_reopened, customerName: hostile, storeName: hostile, agentName: hostile },
    ];

    for (const template of templates) {
      // Act
      const email = renderEmail(template, locale);

      // Assess
      expect(email.html).not.toContain('<script>');
      expect(email.html).not.toContain('<img');
      expect(email.html).toContain(escapeHtml(hostile));
      expect(email.text).toContain(hostile);
    }
  });

  it.each(LOCALES)('lists the files sent with a reply by name, escaped, and nothing when none (%s)', (locale) => {
    // Act
    const withFiles = renderEmail({ ...samples.reply_posted, fileNames: ['底座.jpg', '<b>x</b>.pdf'] }, locale);
    const without = renderEmail(samples.reply_posted, locale);

    // Assess
    expect(withFiles.text).toContain('- 底座.jpg');
    expect(withFiles.text).toContain('- <b>x</b>.pdf');
    expect(withFiles.html).toContain(escapeHtml('<b>x</b>.pdf'));
    expect(withFiles.html).not.toContain('<b>x</b>');
    expect(without.html).not.toContain('<ul');
  });

  it.each(LOCALES)('links the case page in the staff console when given its URL (%s)', (locale) => {
    // Prepare
    const caseUrl = 'https://care.shop.example/console/cases/cs_01JAAAAAAAAAAAAAAAAAAAAAAA?x=1&y=2';

    // Act
    const linked = renderEmail(samples.agent_case_assigned, locale, { caseUrl });
    const unlinked = renderEmail(samples.agent_case_assigned, locale);

    // Assess
    expect(linked.text).toContain(caseUrl);
    expect(linked.html).toContain(`href="${escapeHtml(caseUrl)}"`);
    expect(linked.text).toContain(locale === 'en' ? 'Open the case' : '打开服务单');
    expect(unlinked.text).not.toContain('/console/cases/');
    expect(unlinked.html).not.toContain('/console/cases/');
  });

  it('lists every rejection reason in the customer’s words when the case is rejected', () => {
    // Act
    const zh = renderEmail(
      {
        ...samples.case_rejected,
        reasons: [{ code: 'return_window_expired', message: '已超过 7 天无理由退货期限。' }],
      },
      'zh-CN',
    );
    const english = renderEmail(samples.case_rejected, 'en');

    // Assess
    expect(zh.text).toContain('- 已超过 7 天无理由退货期限。');
    expect(zh.html).toContain('<li style="margin:0 0 4px 0;">已超过 7 天无理由退货期限。</li>');
    for (const reason of reasons) expect(english.text).toContain(`- ${reason.message}`);
  });

  it('leaves the reason list out when a rejection has no reasons', () => {
    // Act
    const email = renderEmail({ ...samples.case_rejected, reasons: [] }, 'en');

    // Assess
    expect(email.html).not.toContain('<ul');
    expect(email.text).not.toMatch(/^- /m);
    expect(email.text).not.toContain('following reasons');
  });

  it('shows the request type label when the acknowledgement carries a type', () => {
    // Act
    const zh = renderEmail(samples.case_acknowledged, 'zh-CN');
    const english = renderEmail({ ...samples.case_acknowledged, caseType: 'logistics' }, 'en');
    const untyped = renderEmail({ ...samples.case_acknowledged, caseType: undefined }, 'en');

    // Assess
    expect(zh.text).toContain('申请类型：退货');
    expect(english.text).toContain('Request type: Delivery issue');
    expect(untyped.text).not.toContain('Request type');
  });

  it('names the agent in the acknowledgement of a case assigned in the same step, in both locales', () => {
    // Act
    const zh = renderEmail({ ...samples.case_acknowledged, agentName: '王芳' }, 'zh-CN');
    const english = renderEmail({ ...samples.case_acknowledged, agentName: 'Wang Fang' }, 'en');
    const unassigned = renderEmail(samples.case_acknowledged, 'en');

    // Assess: one email says both what the acknowledgement and the assignment said
    expect(zh.text).toContain(CASE_NUMBER);
    expect(zh.text).toContain('已分配给客服 王芳');
    expect(zh.text).not.toContain('我们会尽快审核并安排专人跟进');
    expect(english.text).toContain(CASE_NUMBER);
    expect(english.text).toContain('assigned to Wang Fang');
    expect(english.text).not.toContain('assign it to a member of our team');
    expect(unassigned.text).toContain('assign it to a member of our team');
    expect(unassigned.text).not.toContain('Wang Fang');
  });

  it('marks the supervisors’ email as a reminder when reminder is true', () => {
    // Act
    const first = renderEmail(samples.review_requested, 'en');
    const reminder = renderEmail({ ...samples.review_requested, reminder: true }, 'en');
    const zhReminder = renderEmail({ ...samples.review_requested, reminder: true }, 'zh-CN');

    // Assess
    expect(first.subject).not.toContain('Reminder');
    expect(reminder.subject).toContain('[Reminder]');
    expect(zhReminder.subject).toContain('[提醒]');
    expect(reminder.text).toContain('Order: SO-1001');
    expect(reminder.text).toContain('Case ID: case_01JABC');
    expect(reminder.text).toContain('The return window of 7 days has passed. (return_window_expired)');
  });

  it('keeps the subject on one line when a value contains a line break', () => {
    // Act
    const email = renderEmail({ ...samples.case_under_review, storeName: 'Kettle\r\nBcc: x@example.com' }, 'en');

    // Assess
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain('Kettle Bcc: x@example.com');
  });
});

describe('Function: renderEmail (work stage)', () => {
  it.each(LOCALES)('names the agent who handles the case when it is assigned (%s)', (locale) => {
    // Act
    const email = renderEmail(samples.case_assigned, locale);

    // Assess
    expect(email.text).toContain(locale === 'zh-CN' ? '负责客服：Wang Fang' : 'Handled by: Wang Fang');
    expect(email.subject).toContain('Wang Fang');
  });

  it('quotes a reply line by line and tells the customer where to answer it', () => {
    // Act
    const english = renderEmail(samples.reply_posted, 'en');
    const zh = renderEmail(samples.reply_posted, 'zh-CN');

    // Assess
    expect(english.text).toContain('Wang Fang has replied');
    expect(english.text).toContain('> Please send a photo of the base.\n> Thank you!');
    expect(english.html).toContain('Please send a photo of the base.<br>Thank you!</blockquote>');
    expect(english.text).toContain('website or app; replies to this email are not read');
    expect(zh.text).toContain('> Please send a photo of the base.');
    expect(zh.text).toContain('直接回复本邮件将无法送达');
  });

  it('quotes the latest reply when awaiting the customer, and leaves it out when there is none', () => {
    // Act
    const withReply = renderEmail(samples.awaiting_customer, 'en');
    const withoutReply = renderEmail({ ...samples.awaiting_customer, latestReply: undefined }, 'zh-CN');

    // Assess
    expect(withReply.text).toContain('Our latest message:\n\n> Please send a photo of the base.');
    expect(withoutReply.text).not.toContain('我们最近的留言');
    expect(withoutReply.text).not.toMatch(/^>/m);
    expect(withoutReply.html).not.toContain('<blockquote');
  });

  it.each([
    { locale: 'zh-CN', outcome: '处理结果：退款', amount: '金额：¥199.00' },
    { locale: 'en', outcome: 'Outcome: Refund', amount: 'Amount: CN¥199.00' },
  ] as const)('gives the outcome and the amount in $locale when a case is resolved', ({ locale, outcome, amount }) => {
    // Act
    const email = renderEmail(samples.case_resolved, locale);

    // Assess
    expect(email.text).toContain(outcome);
    expect(email.text).toContain(amount);
    expect(email.text).toContain('> The refund was sent to your original payment method.');
  });

  it('leaves the amount out when the resolution involves no money', () => {
    // Act
    const email = renderEmail({ ...samples.case_resolved, resolutionType: 'guidance', amount: undefined }, 'en');

    // Assess
    expect(email.text).toContain('Outcome: Advice on use');
    expect(email.text).not.toContain('Amount');
  });

  it.each(LOCALES)('confirms a cancellation with the customer’s reason, or without one (%s)', (locale) => {
    // Act
    const withReason = renderEmail(samples.case_cancelled, locale);
    const withoutReason = renderEmail({ ...samples.case_cancelled, reason: undefined }, locale);

    // Assess
    expect(withReason.text).toContain('> Found a solution myself');
    expect(withoutReason.text).not.toMatch(/^>/m);
    expect(withoutReason.text).not.toContain(locale === 'zh-CN' ? '取消原因' : 'reason you gave');
  });

  it('tells the supervisors which case waits, its priority and type, without a customer greeting', () => {
    // Act
    const english = renderEmail(samples.case_unassigned, 'en');
    const zh = renderEmail({ ...samples.case_unassigned, priority: undefined }, 'zh-CN');

    // Assess
    expect(english.subject).toContain('[Unassigned]');
    expect(english.text).toContain('Case ID: case_01JABC');
    expect(english.text).toContain('Priority: P2');
    expect(english.text).toContain('Request type: Product fault');
    expect(english.text).not.toContain('Dear');
    expect(zh.text).toContain('申请类型：产品故障');
    expect(zh.text).not.toContain('优先级');
  });
});

describe('Function: resolutionTypeLabel', () => {
  it.each(LOCALES)('labels all seven resolution types distinctly in %s', (locale: Locale) => {
    // Act
    const labels = RESOLUTION_TYPES.map((type) => resolutionTypeLabel(type, locale));

    // Assess
    expect(new Set(labels).size).toBe(RESOLUTION_TYPES.length);
    for (const label of labels) expect(label.trim()).not.toBe('');
    if (locale === 'zh-CN') for (const label of labels) expect(label).toMatch(HAN);
  });
});

describe('Function: caseTypeLabel', () => {
  it.each(LOCALES)('labels all nine request types distinctly in %s', (locale: Locale) => {
    // Act
    const labels = CASE_TYPES.map((type) => caseTypeLabel(type, locale));

    // Assess
    expect(labels).toHaveLength(9);
    expect(new Set(labels).size).toBe(9);
    for (const label of labels) expect(label.trim()).not.toBe('');
    if (locale === 'zh-CN') for (const label of labels) expect(label).toMatch(HAN);
  });
});
