import { ValidationError } from '../../domain/errors.js';

/** Opaque pagination tokens: base64url JSON of DynamoDB's LastEvaluatedKey, bound to the partition it came from. */
export const encodePageToken = (lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined =>
  lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url') : undefined;

export const decodePageToken = (
  token: string | undefined,
  expected: { attribute: string; value: string },
): Record<string, unknown> | undefined => {
  if (token === undefined) return undefined;
  const invalid = new ValidationError('Invalid nextToken', {
    details: [{ path: 'nextToken', message: 'Not a token this listing returned' }],
  });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  // A token for another partition would let a caller page through data that is not theirs.
  if (
    typeof decoded !== 'object' ||
    decoded === null ||
    (decoded as Record<string, unknown>)[expected.attribute] !== expected.value
  ) {
    throw invalid;
  }
  const values = Object.values(decoded as Record<string, unknown>);
  if (values.length > 6 || values.some((value) => typeof value !== 'string')) throw invalid;
  return decoded as Record<string, unknown>;
};
