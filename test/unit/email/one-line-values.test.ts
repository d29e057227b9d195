import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../functions/domain/case.js';
import { renderEmail, type EmailTemplate } from '../../../functions/email/templates.js';
import { CASE_NUMBER, slaEscalation, surveyInvitation } from './email-samples.js';

/** A name as data stored before the input rules may hold it: an attempt to add mail headers. */
const CRLF_NAME = 'Li\r\nBcc: evil@x.com\r\nSubject: pwned';
const ON_ONE_LINE = 'Li Bcc: evil@x.com Subject: pwned';
const hostile = (label: string) => `${label}\r\nBcc: evil@x.com\u2028X-Injected: 1\u0085end`;

const customer = { caseNumber: CASE_NUMBER, customerName: CRLF_NAME, storeName: hostile('Shop') };
const staff = { caseNumber: CASE_NUMBER, caseId: 'case_01JABC', storeName: hostile('Shop') };
const reasons = [{ code: 'evidence_required', message: hostile('A photo') }];

const TEMPLATES: EmailTemplate[] = [
  { kind: 'case_acknowledged', ...customer, caseType: 'return' },
  { kind: 'case_rejected', ...customer, reasons },
  { kind: 'case_assigned', ...customer, agentName: hostile('Wang') },
  { kind: 'reply_posted', ...customer, authorName: hostile('Wang'), body: 'First line\nsecond line' },
  {
    kind: 'case_resolved',
    ...customer,
    resolutionType: 'refund',
    amount: { value: 10, currency: 'CNY' },
    summary: 'Refunded.\nThanks.',
  },
  { kind: 'case_cancelled', ...customer, reason: 'Bought\nanother' },
  { kind: 'review_requested', ...staff, orderId: hostile('SO-1'), reasons, reminder: false },
  { kind: 'case_reopened', ...customer, reason: 'customer_message', agentName: hostile('Wang') },
  { ...slaEscalation, ...staff, assigneeName: hostile('Wang'), reassignedTo: hostile('Zhao') },
  { ...surveyInvitation, ...customer },
];

describe('Function: renderEmail with line breaks in stored names', () => {
  describe.each(LOCALES)('%s', (locale) => {
    it.each(TEMPLATES.map((template) => [template.kind, template] as const))(
      '%s shows each one-line value on one line, in the text and the HTML part',
      (_kind, template) => {
        const email = renderEmail(template, locale);
        const lines = email.text.split('\n');
        for (const header of ['Bcc:', 'Subject:', 'X-Injected:']) {
          expect(lines.filter((line) => line.trimStart().startsWith(header))).toEqual([]);
        }
        expect(email.text).not.toMatch(/[\r\u2028\u0085]/);
        expect(email.html).not.toMatch(/[\r\n\u2028\u0085]/);
        expect(email.subject).not.toMatch(/[\r\n\u2028\u0085]/);
      },
    );
  });

  it('greets the customer with the CRLF name on one line', () => {
    const email = renderEmail({ kind: 'case_acknowledged', ...customer, caseType: 'return' }, 'en');
    expect(email.text.split('\n')[0]).toBe(`Dear ${ON_ONE_LINE},`);
    expect(email.html).toContain(`Dear ${ON_ONE_LINE},`);
  });

  it("keeps the line breaks of someone's own words (a reply, a summary, a reason)", () => {
    const reply = renderEmail(TEMPLATES[3] as EmailTemplate, 'en');
    expect(reply.text).toContain('> First line\n> second line');
    expect(reply.html).toContain('First line<br>second line');
    const resolved = renderEmail(TEMPLATES[4] as EmailTemplate, 'en');
    expect(resolved.text).toContain('> Refunded.\n> Thanks.');
    const cancelled = renderEmail({ kind: 'case_cancelled', ...customer, reason: 'a\r\nb\rc\u0000d' }, 'en');
    expect(cancelled.text).toContain('> a\n> b\n> c d');
    expect(cancelled.html).toContain('a<br>b<br>c d');
  });
});
