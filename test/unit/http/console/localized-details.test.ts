import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../functions/domain/errors.js';
import { detailsIn } from '../../../../functions/http/console/localized-details.js';
import { policyBodySchema } from '../../../../functions/schemas/admin-requests.js';
import { validate } from '../../../../functions/schemas/validate.js';

const refusal = (schema: z.ZodMiniType, value: unknown): ValidationError => {
  try {
    validate(schema, value, 'body');
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const form = z.strictObject({
  returnWindowDays: z.number().check(z.minimum(0), z.maximum(365)),
  note: z.string().check(z.maxLength(5, { error: 'At most 5 characters: the label prints on one line' })),
  channel: z.enum(['email', 'phone']),
});

describe('detailsIn', () => {
  it("words zod's own messages in Chinese on a zh-CN page, paths unchanged", () => {
    const error = refusal(form, { returnWindowDays: 400, note: 'ok', channel: 'fax' });

    expect(detailsIn('zh-CN', error)).toEqual([
      { path: 'returnWindowDays', message: '数值过大：期望 number <=365' },
      { path: 'channel', message: '无效选项：期望以下之一 "email"|"phone"' },
    ]);
  });

  it('keeps a message a schema words itself, which zod cannot translate', () => {
    const error = refusal(form, { returnWindowDays: 3, note: 'far too long', channel: 'email' });

    expect(detailsIn('zh-CN', error)).toEqual([
      { path: 'note', message: 'At most 5 characters: the label prints on one line' },
    ]);
  });

  it('answers an English page with the details as the API gives them', () => {
    const error = refusal(form, { returnWindowDays: 400, note: 'ok', channel: 'email' });

    expect(detailsIn('en', error)).toEqual(error.details);
    expect(error.details).toEqual([{ path: 'returnWindowDays', message: 'Too big: expected number to be <=365' }]);
  });

  it('leaves a ValidationError raised outside a schema as it is', () => {
    const error = new ValidationError('Invalid body', { details: [{ path: 'x', message: 'Too big' }] });

    expect(detailsIn('zh-CN', error)).toEqual([{ path: 'x', message: 'Too big' }]);
  });

  it('words a real admin form refusal (the auto-review policy) in Chinese', () => {
    const error = refusal(policyBodySchema, { returnWindowDays: 'soon' });

    const chinese = detailsIn('zh-CN', error);
    expect(chinese.length).toBe(error.details?.length);
    expect(chinese.some(({ message }) => /[\u4e00-\u9fff]/.test(message))).toBe(true);
  });
});
