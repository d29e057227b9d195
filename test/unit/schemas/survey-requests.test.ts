import { describe, expect, it } from 'vitest';
import { surveyAnswerSchema, surveyPageQuerySchema } from '../../../functions/schemas/survey-requests.js';

describe('Schema: survey answer', () => {
  it.each([
    [
      'a form post',
      { overall: '5', attitude: '4', comment: '  Great  ' },
      { overall: 5, attitude: 4, comment: 'Great' },
    ],
    ['JSON numbers', { overall: 3, speed: 1 }, { overall: 3, speed: 1 }],
    ['empty optional fields', { overall: '2', attitude: '', comment: '   ' }, { overall: 2 }],
  ])('accepts %s', (_label, body, expected) => {
    expect(surveyAnswerSchema.parse(body)).toEqual(expected);
  });

  it.each([
    ['no overall rating', { attitude: '4' }, 'overall'],
    ['an empty overall rating', { overall: '' }, 'overall'],
    ['a rating out of range', { overall: '6' }, 'overall'],
    ['a fractional rating', { overall: 4.5 }, 'overall'],
    ['a rating that is no number', { overall: '5', speed: 'fast' }, 'speed'],
    ['a comment over 2000 characters', { overall: '5', comment: 'x'.repeat(2001) }, 'comment'],
    ['an unknown field', { overall: '5', token: 'x' }, ''],
  ])('refuses %s, naming the field', (_label, body, path) => {
    const result = surveyAnswerSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it.each(['0x5', '+5', ' 5', '5 ', '05', '1e0', '5.0', '5.', '.5e1', '٥', '0', '6', 'Infinity'])(
    'refuses the form rating %j: exactly the digits 1 to 5',
    (rating) => {
      for (const field of ['overall', 'speed']) {
        const result = surveyAnswerSchema.safeParse({ overall: '4', [field]: rating });
        expect(result.success, `${field}=${rating}`).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
      }
    },
  );

  it.each([0, 6, 4.5, -1, 1e300, Number.MIN_VALUE])(
    'refuses the JSON rating %d: only the integers 1 to 5',
    (rating) => {
      expect(surveyAnswerSchema.safeParse({ overall: rating }).success).toBe(false);
    },
  );

  it.each(['1', '2', '3', '4', '5', 1, 2, 3, 4, 5])('accepts the rating %j', (rating) => {
    expect(surveyAnswerSchema.parse({ overall: rating })).toEqual({ overall: Number(rating) });
  });

  it('ignores a quick link value it cannot use rather than refusing the page', () => {
    expect(surveyPageQuerySchema.parse({ overall: '4' })).toMatchObject({ overall: 4 });
    expect(surveyPageQuerySchema.parse({ overall: '9' }).overall).toBeUndefined();
    expect(surveyPageQuerySchema.parse({ overall: 'x', utm_source: 'mail' }).overall).toBeUndefined();
    for (const loose of ['0x5', '+5', ' 5', '05', '1e0', '5.0']) {
      expect(surveyPageQuerySchema.parse({ overall: loose }).overall, loose).toBeUndefined();
    }
  });
});
