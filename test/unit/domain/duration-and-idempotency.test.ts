import { describe, expect, it } from 'vitest';
import { durationToSeconds, isIsoDuration } from '../../../functions/domain/duration.js';
import {
  IDEMPOTENCY_TTL_SECONDS,
  idempotencyExpiry,
  isIdempotencyRecordLive,
  requestHash,
} from '../../../functions/domain/idempotency.js';

describe('Function: durationToSeconds', () => {
  it.each([
    ['PT5S', 5],
    ['PT4H', 14_400],
    ['P2D', 172_800],
    ['P1W', 604_800],
    ['P1DT2H3M4S', 93_784],
    ['PT0.5S', 0.5],
    ['PT0S', 0],
  ])('reads %s as %d seconds', (value, seconds) => {
    expect(durationToSeconds(value)).toBe(seconds);
  });

  it.each(['', 'P', 'PT', '5S', 'P1M', 'P1Y', 'PT-1S'])('refuses %j', (value) => {
    expect(isIsoDuration(value)).toBe(false);
    expect(() => durationToSeconds(value)).toThrow(RangeError);
  });
});

describe('Function: requestHash', () => {
  it('is the same whatever the key order', () => {
    expect(requestHash({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(requestHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
  });

  it('differs when a value or the array order differs', () => {
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
  });
});

describe('Function: isIdempotencyRecordLive', () => {
  const madeAt = new Date('2026-11-20T08:00:00.000Z');
  const record = { expiresAt: idempotencyExpiry(madeAt) };

  it.each<[string, number, boolean]>([
    ['when it was made', 0, true],
    ['a second before expiresAt', IDEMPOTENCY_TTL_SECONDS - 1, true],
    ['at expiresAt', IDEMPOTENCY_TTL_SECONDS, false],
    ['a day after expiresAt (TTL has not deleted it yet)', 2 * IDEMPOTENCY_TTL_SECONDS, false],
  ])('holds the key %s: %s', (_label, secondsLater, live) => {
    expect(isIdempotencyRecordLive(record, new Date(madeAt.getTime() + secondsLater * 1000))).toBe(live);
  });
});
