import { CASE_ID_PATTERN } from '../../domain/case.js';
import { ValidationError } from '../../domain/errors.js';

/**
 * Opaque pagination tokens of the cases table's index listings: base64url JSON of DynamoDB's LastEvaluatedKey.
 *
 * A token comes back from the caller, so it is checked against the one shape DynamoDB returns for the listing before it
 * reaches DynamoDB: exactly the table key (`pk` = `CASE#<caseId>`, `sk` = `CASE`) and the index key (its partition,
 * which must be the listing's own, so a token never pages through another store's or customer's cases; its sort key
 * ending with that case id), non-empty well-formed strings within DynamoDB's key sizes. Anything else is a 400 on
 * `nextToken`: a hand-made key would otherwise fail inside DynamoDB as a 500.
 */
export interface PageKeyShape {
  /** The index's partition key attribute and the listing's own partition. */
  partitionAttribute: string;
  partition: string;
  /** The index's sort key attribute. */
  sortAttribute: string;
}

/** DynamoDB's limits on key attribute values, in UTF-8 bytes. */
const MAX_PARTITION_KEY_BYTES = 2_048;
const MAX_SORT_KEY_BYTES = 1_024;

const CASE_PREFIX = 'CASE#';

export const encodePageToken = (lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined =>
  lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url') : undefined;

/** With the `u` flag, only a surrogate without its pair matches: a string UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const keyString = (value: unknown, maxBytes: number): value is string =>
  typeof value === 'string' &&
  value !== '' &&
  !LONE_SURROGATE.test(value) &&
  Buffer.byteLength(value, 'utf8') <= maxBytes;

const isPageKey = (decoded: unknown, shape: PageKeyShape): decoded is Record<string, string> => {
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return false;
  const key = decoded as Record<string, unknown>;
  const expected = ['pk', 'sk', shape.partitionAttribute, shape.sortAttribute];
  if (Object.keys(key).length !== expected.length || !expected.every((name) => Object.hasOwn(key, name))) return false;
  const { pk, sk } = key;
  const partition = key[shape.partitionAttribute];
  const sort = key[shape.sortAttribute];
  if (!keyString(pk, MAX_PARTITION_KEY_BYTES) || !keyString(sort, MAX_SORT_KEY_BYTES)) return false;
  const caseId = pk.startsWith(CASE_PREFIX) ? pk.slice(CASE_PREFIX.length) : '';
  return CASE_ID_PATTERN.test(caseId) && sk === 'CASE' && partition === shape.partition && sort.endsWith(`#${caseId}`);
};

export const decodePageToken = (token: string | undefined, shape: PageKeyShape): Record<string, string> | undefined => {
  if (token === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!isPageKey(decoded, shape)) {
    throw new ValidationError('Invalid nextToken', {
      details: [{ path: 'nextToken', message: 'Not a token this listing returned' }],
    });
  }
  return decoded;
};
