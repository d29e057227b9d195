import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.js';
import {
  assertOrderDatesNotInFuture,
  CLOCK_SKEW_ALLOWANCE_MS,
  futureOrderDateProblems,
} from '../../../functions/domain/order-dates.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

describe('Domain: futureOrderDateProblems', () => {
  it.each([
    ['both in the past', { orderedAt: at(-86_400_000), deliveredAt: at(-3_600_000) }, []],
    ['delivered just now', { orderedAt: at(-86_400_000), deliveredAt: at(0) }, []],
    ['within the clock-skew allowance', { orderedAt: at(CLOCK_SKEW_ALLOWANCE_MS) }, []],
    ['ordered just past the allowance', { orderedAt: at(CLOCK_SKEW_ALLOWANCE_MS + 1) }, ['orderedAt']],
    ['delivered tomorrow', { orderedAt: at(-86_400_000), deliveredAt: at(86_400_000) }, ['deliveredAt']],
    ['both tomorrow', { orderedAt: at(86_400_000), deliveredAt: at(90_000_000) }, ['orderedAt', 'deliveredAt']],
  ])('%s -> %j', (_label, request, paths) => {
    expect(futureOrderDateProblems(request, NOW).map((problem) => problem.path)).toEqual(paths);
  });

  it('throws a ValidationError naming the field', () => {
    expect(() => assertOrderDatesNotInFuture({ orderedAt: at(86_400_000) }, NOW)).toThrow(ValidationError);
    try {
      assertOrderDatesNotInFuture({ orderedAt: at(-1), deliveredAt: at(86_400_000) }, NOW);
    } catch (error) {
      expect((error as ValidationError).details).toEqual([{ path: 'deliveredAt', message: expect.any(String) }]);
    }
  });
});
