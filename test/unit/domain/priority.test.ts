import { describe, expect, it } from 'vitest';
import type { Priority } from '../../../functions/domain/case.js';
import { lowersPriority } from '../../../functions/domain/priority.js';

describe('Function: lowersPriority', () => {
  it.each<[Priority | undefined, Priority, boolean]>([
    ['P1', 'P2', true],
    ['P1', 'P4', true],
    ['P2', 'P3', true],
    ['P3', 'P4', true],
    ['P1', 'P1', false],
    ['P4', 'P4', false],
    ['P4', 'P1', false],
    ['P3', 'P2', false],
    [undefined, 'P4', false],
  ])('from %s to %s: %s', (from, to, expected) => {
    expect(lowersPriority(from, to)).toBe(expected);
  });
});
