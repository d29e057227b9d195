import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  formFields,
  parseCaseForm,
  refusedFields,
} from '../../../functions/schemas/console-case-forms.js';

const PHOTO = 'att_01JAAAAAAAAAAAAAAAAAAAAAAA';
const PDF = 'att_01JBBBBBBBBBBBBBBBBBBBBBBB';

describe('Function: parseCaseForm', () => {
  it('reads a reply with the ticked files, in page order', () => {
    const parsed = parseCaseForm('reply', {
      body: ' Thanks, refund on its way ',
      'attachments.1': PDF,
      'attachments.0': PHOTO,
    });
    expect(parsed).toEqual({
      ok: true,
      action: 'reply',
      request: { action: 'reply', body: { body: 'Thanks, refund on its way', attachments: [PHOTO, PDF] } },
    });
  });

  it('reads a resolution: a decimal amount, the currency upper-cased, empty fields as not given', () => {
    const parsed = parseCaseForm('resolve', {
      resolutionType: 'refund',
      amount: '199.5',
      currency: 'cny',
      reference: '',
      rootCause: 'production_quality',
      summary: 'Refunded.',
    });
    expect(parsed).toEqual({
      ok: true,
      action: 'resolve',
      request: {
        action: 'resolve',
        body: {
          resolution: { type: 'refund', amount: 199.5, currency: 'CNY' },
          rootCause: 'production_quality',
          summary: 'Refunded.',
        },
      },
    });
  });

  it('names each form field of a bad resolution, by the API schema’s rules', () => {
    const parsed = parseCaseForm('resolve', { resolutionType: 'refund', amount: '1e3', currency: 'CNY', summary: '' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      amount: { code: 'amount' },
      rootCause: { code: 'choice' },
      summary: { code: 'required' },
    });
  });

  it('asks for the amount of a refund and refuses one for guidance', () => {
    const refund = parseCaseForm('resolve', { resolutionType: 'refund', rootCause: 'other', summary: 'x' });
    const guidance = parseCaseForm('resolve', {
      resolutionType: 'guidance',
      amount: '5',
      rootCause: 'other',
      summary: 'x',
    });
    expect(refund.ok ? undefined : refund.errors).toEqual({ amount: { code: 'amount' } });
    expect(guidance.ok ? undefined : guidance.errors).toEqual({ amount: { code: 'amount' } });
  });

  it('reports an empty choice as its field, a long text with its limit, a control character as text', () => {
    const status = parseCaseForm('status', {});
    const note = parseCaseForm('note', { body: 'x'.repeat(5_001) });
    const reason = parseCaseForm('review', { decision: 'approve', reason: 'ok\u0007' });
    expect(status.ok ? undefined : status.errors).toEqual({ status: { code: 'choice' } });
    expect(note.ok ? undefined : note.errors).toEqual({ body: { code: 'tooLong', max: 5_000 } });
    expect(reason.ok ? undefined : reason.errors).toEqual({ reason: { code: 'text' } });
  });

  it('refuses a file id that is not an attachment id, and more than 10 files', () => {
    const bad = parseCaseForm('reply', { body: 'x', 'attachments.0': '../etc/passwd' });
    const many = Object.fromEntries(
      Array.from({ length: 11 }, (_, index) => [`attachments.${index}`, `att_01J${String(index).padStart(23, 'A')}`]),
    );
    const tooMany = parseCaseForm('reply', { body: 'x', ...many });
    expect(bad.ok ? undefined : bad.errors).toEqual({ attachments: { code: 'files' } });
    expect(tooMany.ok ? undefined : tooMany.errors).toEqual({ attachments: { code: 'files' } });
  });

  it('reads the approval decision as a boolean with the pending request it is about', () => {
    const parsed = parseCaseForm('approval', { approve: 'false', note: '', requestedAt: '2026-12-07T08:00:00.000Z' });
    expect(parsed.ok && parsed.request.body).toEqual({ approve: false, requestedAt: '2026-12-07T08:00:00.000Z' });
    const missing = parseCaseForm('approval', {});
    expect(missing.ok ? undefined : missing.errors).toEqual({ approve: { code: 'choice' } });
  });

  it('needs a severity or an urgency to reclassify', () => {
    const parsed = parseCaseForm('reclassify', { severity: '', urgency: '', reason: 'Customer is injured' });
    expect(parsed.ok ? undefined : parsed.errors).toEqual({ severity: { code: 'text' } });
    const ok = parseCaseForm('reclassify', { severity: 'critical', urgency: '', reason: 'Customer is injured' });
    expect(ok.ok && ok.request.body).toEqual({ severity: 'critical', reason: 'Customer is injured' });
  });

  it('reads a retry, a revisit and an assignment', () => {
    expect(parseCaseForm('retry', { note: '' })).toMatchObject({ ok: true, request: { body: {} } });
    expect(parseCaseForm('revisit', { outcome: 'ok' })).toMatchObject({
      ok: true,
      request: { body: { outcome: 'ok' } },
    });
    expect(parseCaseForm('assign', { agentId: 'Agent 2' })).toMatchObject({
      ok: false,
      errors: { agentId: { code: 'invalid' } },
    });
  });
});

describe('Function: refusedFields', () => {
  it('puts a use case’s 400 details on the form fields they name', () => {
    expect(
      refusedFields('resolve', [
        { path: 'resolution.amount', message: 'Above the order total' },
        { path: 'resolution.currency', message: "Not the case's currency" },
      ]),
    ).toEqual({
      amount: { code: 'refused', message: 'Above the order total' },
      currency: { code: 'refused', message: "Not the case's currency" },
    });
    expect(formFieldOf('reply', 'attachments.3')).toBe('attachments');
    expect(formFieldOf('resolve', 'resolution')).toBe('resolutionType');
  });
});

describe('Function: formFields', () => {
  it('keeps string values only', () => {
    expect(formFields({ body: 'x', count: 3, list: ['a'] })).toEqual({ body: 'x' });
    expect(formFields(undefined)).toEqual({});
    expect(formFields(['x'])).toEqual({});
  });
});
