import { describe, expect, it } from 'vitest';
import { normalizedCaseNumber, normalizedEmail } from '../../../functions/domain/case-lookup.js';

describe('Function: normalizedEmail', () => {
  it('returns the address trimmed and lower-cased, so any spelling of one address finds its cases', () => {
    expect(normalizedEmail('  Li.Lei@Example.COM ')).toBe('li.lei@example.com');
    expect(normalizedEmail('li.lei@example.com')).toBe('li.lei@example.com');
  });

  it('keeps what the mailbox owner decides: dots and +tags are other addresses', () => {
    expect(normalizedEmail('li.lei+shop@example.com')).not.toBe(normalizedEmail('lilei@example.com'));
  });

  it('returns one form for composed and decomposed characters', () => {
    expect(normalizedEmail('Jose\u0301@example.com')).toBe(normalizedEmail('JOSÉ@example.com'));
  });
});

describe('Function: normalizedCaseNumber', () => {
  it('returns the number as written by intake, whatever the letter case and surrounding spaces', () => {
    expect(normalizedCaseNumber('AS-20261207-0001')).toBe('AS-20261207-0001');
    expect(normalizedCaseNumber(' as-20261207-0001 ')).toBe('AS-20261207-0001');
    expect(normalizedCaseNumber('AS-20261207-12345')).toBe('AS-20261207-12345');
  });

  it('returns undefined for what cannot be a case number', () => {
    for (const raw of [
      '',
      'AS-2026',
      'cs_01JAAAAAAAAAAAAAAAAAAAAAAA',
      'AS-20261207-001',
      `AS-20261207-${'1'.repeat(40)}`,
    ]) {
      expect(normalizedCaseNumber(raw), raw).toBeUndefined();
    }
  });
});
