import { describe, expect, it } from 'vitest';
import { asOneLine, TEXT_PROBLEMS, textProblem } from '../../../functions/domain/text-rules.js';

describe('Function: textProblem', () => {
  it.each([
    ['Li Lei', 'single'],
    ['李雷', 'single'],
    ['👩\u200d💻', 'single'],
    ['a\r\nb\n\tc', 'multi'],
    ['Order \u202eRLO\u202c in a body', 'multi'],
  ] as const)('accepts %j as %s-line text', (text, lines) => {
    expect(textProblem(text, lines)).toBeUndefined();
  });

  it.each([
    ['a\ud800', 'single', TEXT_PROBLEMS.loneSurrogate],
    ['a\udc00b', 'multi', TEXT_PROBLEMS.loneSurrogate],
    ['a\nb', 'single', TEXT_PROBLEMS.lineBreak],
    ['a\u2028b', 'single', TEXT_PROBLEMS.lineBreak],
    ['a\u0000b', 'multi', TEXT_PROBLEMS.control],
    ['a\rb', 'multi', TEXT_PROBLEMS.control],
    ['a\u009bb', 'multi', TEXT_PROBLEMS.control],
    ['\u2066Li\u2069', 'single', TEXT_PROBLEMS.bidi],
    ['\u200b\u200d', 'single', TEXT_PROBLEMS.invisible],
    ['\n\t\u3000\u200b', 'multi', TEXT_PROBLEMS.invisible],
  ] as const)('refuses %j as %s-line text', (text, lines, problem) => {
    expect(textProblem(text, lines)).toBe(problem);
  });
});

describe('Function: asOneLine', () => {
  it('turns every control character and line separator into one space', () => {
    expect(asOneLine('Li\r\nBcc: evil@x.com\r\nSubject: pwned')).toBe('Li Bcc: evil@x.com Subject: pwned');
    expect(asOneLine(' a\u2028b\u0085c\u0000\td ')).toBe('a b c d');
  });
});
