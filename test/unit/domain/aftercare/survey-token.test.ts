import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newSurveyTokenId,
  signSurveyToken,
  verifySurveyToken,
  type SurveyTokenClaims,
} from '../../../../functions/domain/aftercare/survey-token.js';
import { newCaseId } from '../../../../functions/domain/case.js';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const claims = (overrides: Partial<SurveyTokenClaims> = {}): SurveyTokenClaims => ({
  caseId: newCaseId(new Date('2026-12-01T00:00:00Z')),
  round: 1,
  expiresAt: new Date('2026-12-15T00:00:00Z'),
  tokenId: newSurveyTokenId(),
  ...overrides,
});

describe('Function: survey tokens', () => {
  it('returns the claims of a token it signed', () => {
    const signed = claims({ round: 3 });
    expect(verifySurveyToken(key, signSurveyToken(key, signed))).toEqual(signed);
  });

  it('gives the same token for the same claims (a retried email carries the same link)', () => {
    const signed = claims();
    expect(signSurveyToken(key, signed)).toBe(signSurveyToken(key, signed));
  });

  it('carries 128 random bits per survey', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newSurveyTokenId()));
    expect(ids.size).toBe(1000);
    expect(Buffer.from(newSurveyTokenId(), 'base64url')).toHaveLength(16);
  });

  it('refuses a token signed with another key', () => {
    expect(verifySurveyToken(key, signSurveyToken(otherKey, claims()))).toBeUndefined();
  });

  it('refuses every token with one character changed', () => {
    const token = signSurveyToken(key, claims());
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'A0z_-.x9'), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(verifySurveyToken(key, tampered)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['empty', ''],
    ['too few parts', 'a.b.c'],
    ['not a case id', 'xx.1.1700000000.AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(43)],
    ['round 0', `${newCaseId(new Date())}.0.1700000000.AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`],
    ['very long', 'a'.repeat(10_000)],
  ])('refuses a malformed token (%s)', (_label, token) => {
    expect(verifySurveyToken(key, token)).toBeUndefined();
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => signSurveyToken(new Uint8Array(16), claims())).toThrow(/32 bytes/);
  });

  it('keeps the expiry to the second, so an expired link is told apart from an unknown one', () => {
    const signed = claims({ expiresAt: new Date('2020-01-01T00:00:00Z') });
    expect(verifySurveyToken(key, signSurveyToken(key, signed))?.expiresAt).toEqual(signed.expiresAt);
  });
});
