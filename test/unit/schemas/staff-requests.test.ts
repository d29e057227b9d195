import { describe, expect, it } from 'vitest';
import { validate } from '../../../functions/http/validation.js';
import {
  assignBodySchema,
  noteBodySchema,
  reclassifyBodySchema,
  replyBodySchema,
  resolveBodySchema,
  reviewBodySchema,
  staffQueueQuerySchema,
  statusBodySchema,
} from '../../../functions/schemas/staff-requests.js';
import { invalidDetails, invalidPaths } from './invalid-paths.js';

const resolution = (overrides: Record<string, unknown> = {}) => ({
  resolution: { type: 'refund', amount: 199, currency: 'CNY', reference: 'RF-1' },
  rootCause: 'production_quality',
  summary: 'Refunded the kettle.',
  ...overrides,
});

describe('Schema: staffQueueQuerySchema', () => {
  it('returns the default page size when only the assignee is given', () => {
    // Act
    const query = validate(staffQueueQuerySchema, { assignee: 'me' }, 'query');

    // Assess
    expect(query).toEqual({ assignee: 'me', limit: 20 });
  });

  it.each([
    ['me', 'me'],
    ['unassigned', 'unassigned'],
    ['an agent id', 'agent2'],
  ])('accepts %s as the assignee', (_label, assignee) => {
    expect(validate(staffQueueQuerySchema, { assignee }, 'query').assignee).toBe(assignee);
  });

  it.each([
    ['assignee', { assignee: 'Agent One' }],
    ['status', { status: 'lost' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '101' }],
  ])('names %s when it is invalid', (path, query) => {
    expect(invalidPaths(staffQueueQuerySchema, query, 'query')).toContain(path);
  });

  it('names an unknown parameter in the message', () => {
    expect(invalidDetails(staffQueueQuerySchema, { storeId: 'store-b' }, 'query')).toEqual([
      { path: 'query', message: expect.stringContaining('storeId') },
    ]);
  });
});

describe('Schema: replyBodySchema and noteBodySchema', () => {
  it.each([
    ['reply', replyBodySchema],
    ['note', noteBodySchema],
  ])('returns the trimmed %s text', (label, schema) => {
    // A reply also lists the files sent with it: none when absent.
    expect(validate(schema, { body: '  We will refund you.  ' }, 'body')).toEqual({
      body: 'We will refund you.',
      ...(label === 'reply' ? { attachments: [] } : {}),
    });
  });

  it('returns the attachment ids of a reply, and refuses more than 10 or a malformed one naming it', () => {
    const id = 'att_01JAAAAAAAAAAAAAAAAAAAAAAA';
    expect(validate(replyBodySchema, { body: 'Manual attached.', attachments: [id] }, 'body')).toEqual({
      body: 'Manual attached.',
      attachments: [id],
    });
    expect(replyBodySchema.safeParse({ body: 'x', attachments: Array.from({ length: 11 }, () => id) }).success).toBe(
      false,
    );
    const malformed = replyBodySchema.safeParse({ body: 'x', attachments: ['../etc/passwd'] });
    expect(malformed.error?.issues[0]?.path).toEqual(['attachments', 0]);
  });

  it.each([
    ['blank', { body: '   ' }],
    ['over 5000 characters', { body: 'x'.repeat(5_001) }],
    ['not text', { body: 42 }],
  ])('rejects a body that is %s', (_label, value) => {
    expect(invalidPaths(replyBodySchema, value)).toEqual(['body']);
  });

  it('rejects an unknown field such as a visibility switch', () => {
    expect(invalidPaths(replyBodySchema, { body: 'hi', visibility: 'internal' })).toEqual(['body']);
  });
});

describe('Schema: statusBodySchema', () => {
  it.each(['resolved', 'assigned', 'open'])('rejects %s, which has its own action', (status) => {
    expect(invalidPaths(statusBodySchema, { status })).toEqual(['status']);
  });
});

describe('Schema: resolveBodySchema', () => {
  it('returns the resolution when a refund has an amount, a currency and a reference', () => {
    expect(validate(resolveBodySchema, resolution(), 'body')).toEqual(resolution());
  });

  it.each([
    ['refund', 'resolution.amount', { type: 'refund' }],
    ['compensation', 'resolution.amount', { type: 'compensation' }],
    ['a currency without an amount', 'resolution.currency', { type: 'guidance', currency: 'CNY' }],
    ['a negative amount', 'resolution.amount', { type: 'refund', amount: -1 }],
    ['three decimals of CNY', 'resolution.amount', { type: 'refund', amount: 1.005, currency: 'CNY' }],
    ['decimals of JPY', 'resolution.amount', { type: 'refund', amount: 1.5, currency: 'JPY' }],
    ['an amount of 0', 'resolution.amount', { type: 'refund', amount: 0 }],
    ['an amount for no_action', 'resolution.amount', { type: 'no_action', amount: 5 }],
    ['a currency ISO 4217 does not know', 'resolution.currency', { type: 'refund', amount: 1, currency: 'ZZZ' }],
    ['a currency that is not ISO 4217', 'resolution.currency', { type: 'refund', amount: 1, currency: 'rmb' }],
    ['an unknown type', 'resolution.type', { type: 'apology' }],
  ])('names %s as %s', (_label, path, value) => {
    expect(invalidPaths(resolveBodySchema, resolution({ resolution: value }))).toContain(path);
  });

  it('accepts the three decimals of a KWD amount (the case decides the decimals when no currency is named)', () => {
    const body = resolution({ resolution: { type: 'refund', amount: 1.005, currency: 'KWD' } });
    expect(validate(resolveBodySchema, body, 'body')).toEqual(body);
  });

  it.each(['exchange', 'repair', 'replacement', 'guidance', 'no_action'])('accepts %s without an amount', (type) => {
    expect(validate(resolveBodySchema, resolution({ resolution: { type } }), 'body').resolution).toEqual({ type });
  });

  it('lists every invalid field at once', () => {
    const paths = invalidPaths(resolveBodySchema, {
      resolution: { type: 'refund' },
      rootCause: 'bad luck',
      summary: '',
    });
    expect(paths).toEqual(expect.arrayContaining(['resolution.amount', 'rootCause', 'summary']));
  });
});

describe('Schema: reclassifyBodySchema', () => {
  it.each([
    [{ severity: 'critical', reason: 'Smoke' }],
    [{ urgency: 'high', reason: 'VIP' }],
    [{ severity: 'minor', urgency: 'low', reason: 'Cosmetic' }],
  ])('accepts %j', (body) => {
    expect(validate(reclassifyBodySchema, body, 'body')).toEqual(body);
  });

  it('names severity and reason when neither dimension nor a reason is given', () => {
    expect(invalidPaths(reclassifyBodySchema, { reason: ' ' })).toEqual(expect.arrayContaining(['severity', 'reason']));
  });
});

describe('Schema: assignBodySchema and reviewBodySchema', () => {
  it('names agentId when it is not an agent id', () => {
    expect(invalidPaths(assignBodySchema, { agentId: '../admin' })).toEqual(['agentId']);
  });

  it('names decision and reason when both are invalid', () => {
    expect(invalidPaths(reviewBodySchema, { decision: 'maybe', reason: '' })).toEqual(
      expect.arrayContaining(['decision', 'reason']),
    );
  });
});
