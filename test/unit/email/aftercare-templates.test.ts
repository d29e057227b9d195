import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../functions/domain/case.js';
import { renderEmail, type EmailTemplate } from '../../../functions/email/templates.js';
import {
  CASE_NUMBER,
  caseReopened,
  revisitDue,
  revisitOverdue,
  SHOWN_DUE,
  SHOWN_RESOLVED,
  SURVEY_URL,
  surveyInvitation,
  surveyReminder,
} from './email-samples.js';

const RATINGS = [1, 2, 3, 4, 5];
const surveyEmails = LOCALES.flatMap((locale) =>
  [surveyInvitation, surveyReminder].map((template) => ({ kind: template.kind, locale, template })),
);

describe('Function: renderEmail (survey)', () => {
  it.each(surveyEmails)('links the form once as a button in $kind ($locale)', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess
    expect(email.subject).toContain(CASE_NUMBER);
    expect(email.html.match(new RegExp(`href="${SURVEY_URL.replace(/\./g, '\\.')}"`, 'g'))).toHaveLength(2);
    expect(email.html).toContain(`>${SURVEY_URL}</a>`);
    expect(email.text).toContain(locale === 'zh-CN' ? `立即评价：${SURVEY_URL}` : `Rate our service: ${SURVEY_URL}`);
  });

  it.each(surveyEmails)(
    'offers quick ratings 1 to 5 in the html of $kind that only preselect the form ($locale)',
    ({ template, locale }) => {
      // Act
      const email = renderEmail(template, locale);

      // Assess
      for (const rating of RATINGS) {
        const title = locale === 'zh-CN' ? `打开问卷并预选 ${rating} 分` : `Opens the form with ${rating} preselected`;
        expect(email.html).toContain(`<a href="${SURVEY_URL}?overall=${rating}" title="${title}"`);
      }
      expect(email.html.match(/\?overall=/g)).toHaveLength(5);
      expect(email.html).toContain(
        locale === 'zh-CN' ? '提交问卷前不会记录任何内容' : 'Nothing is recorded until you submit',
      );
      expect(email.text).not.toContain('?overall=');
    },
  );

  it.each(surveyEmails)(
    'shows when the link expires on the store’s clock and that it works once in $kind ($locale)',
    ({ template, locale }) => {
      // Act
      const email = renderEmail(template, locale);

      // Assess
      expect(email.text).toContain(
        locale === 'zh-CN' ? `链接有效期至：${SHOWN_DUE}` : `Link valid until: ${SHOWN_DUE}`,
      );
      expect(email.html).toContain(SHOWN_DUE);
      expect(email.text).toContain(locale === 'zh-CN' ? '此链接仅可使用一次' : 'The link works once');
    },
  );

  it('shows the expiry in the zone of the store, not of the server', () => {
    // Act
    const email = renderEmail({ ...surveyInvitation, timezone: 'America/New_York' }, 'en');

    // Assess
    expect(email.text).toContain('Link valid until: 2026-11-29 23:00 (America/New_York)');
  });

  it.each([
    { locale: 'en', ratings: ['Overall satisfaction', 'Our attitude', 'Professionalism', 'Problem solving', 'Speed'] },
    { locale: 'zh-CN', ratings: ['整体满意度', '服务态度', '专业程度', '问题解决', '处理速度'] },
  ] as const)('lists the five things to rate in the invitation in $locale', ({ locale, ratings }) => {
    // Act
    const email = renderEmail(surveyInvitation, locale);

    // Assess
    for (const rating of ratings) expect(email.text).toContain(`- ${rating}`);
  });

  it.each(LOCALES)('words the reminder as the only one, apart from the invitation (%s)', (locale) => {
    // Act
    const invitation = renderEmail(surveyInvitation, locale);
    const reminder = renderEmail(surveyReminder, locale);

    // Assess
    expect(reminder.subject).not.toBe(invitation.subject);
    expect(reminder.subject).toContain(locale === 'zh-CN' ? '温馨提醒' : 'A reminder');
    expect(reminder.text).toContain(locale === 'zh-CN' ? '这是唯一一次提醒' : 'This is our only reminder');
    expect(invitation.text).not.toContain(locale === 'zh-CN' ? '唯一一次提醒' : 'only reminder');
  });

  it('escapes a survey link that carries markup in every href and shows it as written in text', () => {
    // Prepare
    const surveyUrl = 'https://x.example/survey/a"><script>alert(1)</script>';

    // Act
    const email = renderEmail({ ...surveyInvitation, surveyUrl }, 'en');

    // Assess
    expect(email.html).not.toContain('<script>');
    for (const [, href] of email.html.matchAll(/href="([^"]*)"/g))
      expect(href).toMatch(/^https:\/\/x\.example\/survey\/a&quot;/);
    expect(email.html).toContain(
      'href="https://x.example/survey/a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;?overall=5"',
    );
    expect(email.text).toContain(surveyUrl);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '//x.example/survey', ''])(
    'refuses to link "%s", which is no web address',
    (surveyUrl) => {
      // Act
      const render = () => renderEmail({ ...surveyReminder, surveyUrl }, 'en');

      // Assess
      expect(render).toThrow(RangeError);
    },
  );

  it('adds the preselected rating to a link that has a query already', () => {
    // Act
    const email = renderEmail({ ...surveyInvitation, surveyUrl: 'https://x.example/survey/t?lang=en' }, 'en');

    // Assess
    expect(email.html).toContain('href="https://x.example/survey/t?lang=en&amp;overall=3"');
  });
});

describe('Function: renderEmail (revisit)', () => {
  it.each([
    {
      locale: 'en',
      says: [
        `Case ${CASE_NUMBER} was resolved (Repair) on ${SHOWN_RESOLVED}.`,
        'make sure the problem has not come back',
        `Answer due: ${SHOWN_DUE}`,
        `Resolved: ${SHOWN_RESOLVED}`,
        'Handled by: Wang Fang',
        '“ok” when the problem is solved',
        '“recurred” when it has come back',
        'POST /v1/staff/cases/case_01JABC/revisit',
      ],
    },
    {
      locale: 'zh-CN',
      says: [
        `服务单 ${CASE_NUMBER} 已于 ${SHOWN_RESOLVED} 解决（维修）。`,
        '确认问题没有再次出现',
        `回访截止时间：${SHOWN_DUE}`,
        `解决时间：${SHOWN_RESOLVED}`,
        '负责客服：Wang Fang',
        '“ok”',
        '“recurred”',
        'POST /v1/staff/cases/case_01JABC/revisit',
      ],
    },
  ] as const)('asks the agent to follow up by the due time in $locale', ({ locale, says }) => {
    // Act
    const email = renderEmail(revisitDue, locale);

    // Assess
    expect(email.subject).toMatch(new RegExp(`^\\[${CASE_NUMBER}\\] `));
    for (const phrase of says) expect(email.text).toContain(phrase);
    expect(email.html).toContain(SHOWN_DUE);
    expect(email.text).not.toMatch(/Dear|您好/);
  });

  it.each([
    {
      locale: 'en',
      withAgent: 'Please check with Wang Fang',
      without: 'No agent has the case',
      nobody: 'Not assigned',
    },
    {
      locale: 'zh-CN',
      withAgent: '请与负责解决该服务单的客服 Wang Fang 确认',
      without: '目前没有负责客服',
      nobody: '未分配',
    },
  ] as const)('tells the supervisors whom to check with when a revisit is overdue in $locale', (words) => {
    // Act
    const withAgent = renderEmail(revisitOverdue, words.locale);
    const unassigned = renderEmail({ ...revisitOverdue, agentName: undefined }, words.locale);

    // Assess
    expect(withAgent.subject).toContain(CASE_NUMBER);
    expect(withAgent.text).toContain(SHOWN_DUE);
    expect(withAgent.text).toContain(words.withAgent);
    expect(withAgent.text).toContain('POST /v1/staff/cases/case_01JABC/revisit');
    expect(unassigned.text).toContain(words.without);
    expect(unassigned.text).toContain(words.nobody);
    expect(unassigned.text).not.toContain('Wang Fang');
  });
});

describe('Function: renderEmail (reopened)', () => {
  it.each([
    {
      locale: 'en',
      reason: 'revisit_recurred',
      says: 'the problem has come back',
      again: 'Wang Fang, who handled it before, is looking after it.',
    },
    {
      locale: 'en',
      reason: 'customer_message',
      says: 'Thank you for your message',
      again: 'Wang Fang, who handled it before, is looking after it.',
    },
    { locale: 'zh-CN', reason: 'revisit_recurred', says: '问题再次出现', again: '将继续由客服 Wang Fang 为您跟进。' },
    {
      locale: 'zh-CN',
      reason: 'customer_message',
      says: '感谢您就售后申请',
      again: '将继续由客服 Wang Fang 为您跟进。',
    },
  ] as const)('tells the customer why the case is open again ($reason, $locale)', ({ locale, reason, says, again }) => {
    // Act
    const email = renderEmail({ ...caseReopened, reason }, locale);

    // Assess
    expect(email.subject).toContain(CASE_NUMBER);
    expect(email.text).toContain(says);
    expect(email.text).toContain(again);
    expect(email.text).toContain(locale === 'zh-CN' ? '负责客服：Wang Fang' : 'Handled by: Wang Fang');
  });

  it.each(LOCALES)('names nobody when the reopened case went to the unassigned queue (%s)', (locale) => {
    // Act
    const email = renderEmail({ ...caseReopened, agentName: undefined }, locale);

    // Assess
    expect(email.text).not.toContain(locale === 'zh-CN' ? '负责客服' : 'Handled by');
    expect(email.text).not.toContain(locale === 'zh-CN' ? '将继续由客服' : 'is looking after it');
  });
});

describe('Function: renderEmail (aftercare, every part)', () => {
  const templates: EmailTemplate[] = [
    surveyInvitation,
    surveyReminder,
    revisitDue,
    { ...revisitDue, agentName: undefined },
    revisitOverdue,
    { ...revisitOverdue, agentName: undefined },
    caseReopened,
    { ...caseReopened, reason: 'customer_message', agentName: undefined },
  ];
  const cases = LOCALES.flatMap((locale) => templates.map((template) => ({ kind: template.kind, locale, template })));

  it.each(cases)('leaves no undefined or NaN in $kind ($locale)', ({ template, locale }) => {
    // Act
    const email = renderEmail(template, locale);

    // Assess
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/undefined|NaN|null/);
    }
  });
});
