import { describe, expect, it } from 'vitest';
import { renderEmail, type TemplateOf } from '../../../functions/email/templates.js';
import { CASE_NUMBER, customerCase, HAN } from './email-samples.js';

const request: TemplateOf<'evidence_requested'> = {
  kind: 'evidence_requested',
  ...customerCase,
  caseType: 'product_fault',
  minimum: 1,
  safetyHazard: false,
};

describe('Email: evidence_requested', () => {
  it('asks in Chinese for the evidence, naming the case, the request type and where to reply', () => {
    const email = renderEmail(request, 'zh-CN');

    expect(email.subject).toMatch(HAN);
    expect(email.text).toContain(CASE_NUMBER);
    expect(email.text).toContain('产品故障');
    expect(email.text).toContain('至少 1 份');
    expect(email.text).toContain('Kettle Shop网站或 App 的售后服务页面回复本申请');
    expect(email.text).not.toContain('停止使用');
  });

  it('asks in English, and tells the customer to stop using a product with a safety hazard', () => {
    const email = renderEmail({ ...request, safetyHazard: true }, 'en');

    expect(email.subject).toContain('Please send us a photo');
    expect(email.text).toContain(`product fault request (case ${CASE_NUMBER})`);
    expect(email.text).toContain('at least 1 photo, video or PDF');
    expect(email.text).toContain('stop using the product');
    expect(email.text).toContain('You do not need to file a new request.');
  });
});
