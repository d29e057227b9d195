import { describe, expect, it } from 'vitest';
import { validate } from '../../../functions/http/validation.js';
import { cancelCaseBodySchema, customerMessageBodySchema } from '../../../functions/schemas/customer-requests.js';
import { invalidPaths } from './invalid-paths.js';

describe('Schema: customerMessageBodySchema', () => {
  it('returns the trimmed message', () => {
    expect(validate(customerMessageBodySchema, { body: ' 好的，谢谢 ' }, 'body')).toEqual({
      body: '好的，谢谢',
      attachments: [],
    });
  });

  it('takes up to 10 attachment ids and names the invalid ones', () => {
    const id = 'att_01JABCDEFGHJKMNPQRSTVWXYZ0';
    expect(validate(customerMessageBodySchema, { body: 'Photo', attachments: [id] }, 'body').attachments).toEqual([id]);
    expect(invalidPaths(customerMessageBodySchema, { body: 'Photo', attachments: [id, '../x'] })).toEqual([
      'attachments.1',
    ]);
    expect(invalidPaths(customerMessageBodySchema, { body: 'Photo', attachments: Array(11).fill(id) })).toEqual([
      'attachments',
    ]);
  });

  it.each([
    ['blank', { body: '' }],
    ['over 5000 characters', { body: 'x'.repeat(5_001) }],
    ['missing', {}],
  ])('names body when it is %s', (_label, value) => {
    expect(invalidPaths(customerMessageBodySchema, value)).toEqual(['body']);
  });

  it('rejects an actor smuggled into the body', () => {
    expect(invalidPaths(customerMessageBodySchema, { body: 'hi', from: 'agent' })).toEqual(['body']);
  });
});

describe('Schema: cancelCaseBodySchema', () => {
  it.each([
    ['blank', { reason: '  ' }],
    ['over 500 characters', { reason: 'x'.repeat(501) }],
  ])('names reason when it is %s', (_label, value) => {
    expect(invalidPaths(cancelCaseBodySchema, value)).toEqual(['reason']);
  });

  it('accepts exactly 500 characters', () => {
    expect(validate(cancelCaseBodySchema, { reason: 'x'.repeat(500) }, 'body').reason).toHaveLength(500);
  });
});
