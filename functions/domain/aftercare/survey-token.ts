import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CASE_ID_PATTERN } from '../case.js';

/**
 * Survey links: `<caseId>.<round>.<expiresAt epoch s>.<tokenId>.<signature>`, the signature an HMAC-SHA256 of the
 * first four parts under the store-wide survey key. `tokenId` holds 128 random bits and is kept on the case's survey,
 * so a link is unguessable even with the key's help withheld, and a link of another round or a tampered one is told
 * apart from a valid one without any lookup beyond the case. Nothing here is secret but the key.
 */
export interface SurveyTokenClaims {
  caseId: string;
  round: number;
  expiresAt: Date;
  tokenId: string;
}

const TOKEN_ID_BYTES = 16;
const TOKEN_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A key shorter than the hash's block of security is refused: a wiring mistake, not a runtime condition. */
export const MIN_SURVEY_KEY_BYTES = 32;

export const newSurveyTokenId = (): string => randomBytes(TOKEN_ID_BYTES).toString('base64url');

const signatureOf = (key: Uint8Array, body: string): Buffer => createHmac('sha256', key).update(body).digest();

const assertKey = (key: Uint8Array): void => {
  if (key.byteLength < MIN_SURVEY_KEY_BYTES)
    throw new Error(`A survey key needs ${MIN_SURVEY_KEY_BYTES} bytes or more`);
};

const bodyOf = ({ caseId, round, expiresAt, tokenId }: SurveyTokenClaims): string =>
  [caseId, String(round), String(Math.floor(expiresAt.getTime() / 1000)), tokenId].join('.');

/** The link token for these claims: the same claims and key always give the same token (a retried email is identical). */
export const signSurveyToken = (key: Uint8Array, claims: SurveyTokenClaims): string => {
  assertKey(key);
  const body = bodyOf(claims);
  return `${body}.${signatureOf(key, body).toString('base64url')}`;
};

/**
 * The claims of a well-formed token whose signature holds, else undefined (tampered, truncated, or not ours). Expiry is
 * not checked here: an expired link is a real link, answered with "expired" rather than "unknown".
 */
export const verifySurveyToken = (key: Uint8Array, token: string): SurveyTokenClaims | undefined => {
  assertKey(key);
  if (token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  const [caseId, round, expires, tokenId, signature] = parts as [string, string, string, string, string];
  if (!CASE_ID_PATTERN.test(caseId) || !/^[1-9][0-9]{0,3}$/.test(round) || !/^[0-9]{1,12}$/.test(expires)) {
    return undefined;
  }
  if (!TOKEN_ID_PATTERN.test(tokenId) || !SIGNATURE_PATTERN.test(signature)) return undefined;
  const expected = signatureOf(key, [caseId, round, expires, tokenId].join('.'));
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  // base64url decoding ignores stray bits of the last character: insist on the one canonical spelling.
  if (given.toString('base64url') !== signature) return undefined;
  return { caseId, round: Number(round), expiresAt: new Date(Number(expires) * 1000), tokenId };
};
