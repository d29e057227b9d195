import { describe, expect, it } from 'vitest';
import { StateConflictError } from '../../../functions/domain/errors.js';
import {
  assertRetryable,
  retryExecutionName,
  workflowFailureOf,
  type CaughtFailure,
} from '../../../functions/domain/workflow-failure.js';

const at = new Date('2026-12-01T10:00:00Z');

describe('Function: workflowFailureOf', () => {
  it.each<[string, CaughtFailure, Record<string, unknown>]>([
    [
      'keyed by the failed state',
      { AssignAgent: { Error: 'TypeError', Cause: '{"errorMessage":"boom"}' } },
      { state: 'AssignAgent', error: 'TypeError', cause: '{"errorMessage":"boom"}' },
    ],
    ['the plain Catch result (no state)', { Error: 'States.TaskFailed', Cause: 'x' }, { error: 'States.TaskFailed' }],
    ['a state without an error name', { FollowUpCase: { Cause: 'x' } }, { state: 'FollowUpCase', error: 'Unknown' }],
    ['nothing usable', {}, { error: 'Unknown' }],
  ])('records %s', (_name, caught, expected) => {
    const failure = workflowFailureOf(caught, { at, execution: 'cs_1-r1' });

    expect(failure).toMatchObject({ ...expected, at: at.toISOString(), execution: 'cs_1-r1' });
    if (!('state' in expected)) expect(failure.state).toBeUndefined();
  });

  it('keeps at most 1,000 characters of the cause', () => {
    expect(workflowFailureOf({ AutoReview: { Error: 'E', Cause: 'c'.repeat(5_000) } }, { at }).cause).toHaveLength(
      1_000,
    );
  });
});

describe('Function: retryExecutionName', () => {
  it.each([
    [0, 'cs_1-r1'],
    [1, 'cs_1-r2'],
    [9, 'cs_1-r10'],
  ])('after %i retries names the next run %s (never the first run, the case id)', (retries, name) => {
    expect(retryExecutionName('cs_1', retries)).toBe(name);
  });
});

describe('Function: assertRetryable', () => {
  it('returns the recorded failure', () => {
    const workflowFailure = { error: 'E', at: at.toISOString() };
    expect(assertRetryable({ workflowFailure })).toBe(workflowFailure);
  });

  it('is a state conflict when no failure is recorded (the workflow runs or ended well)', () => {
    expect(() => assertRetryable({})).toThrow(StateConflictError);
  });
});
