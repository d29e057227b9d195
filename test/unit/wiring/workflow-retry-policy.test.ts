import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyRetryPolicy,
  failureCatchOf,
  FAILURE_STATE,
  retryOf,
  TASK_FUNCTION_TIMEOUT_SECONDS,
  TASK_STATE_TIMEOUT_SECONDS,
  TIMEOUT_RETRY,
  TRANSIENT_RETRY,
} from '../../../functions/wiring/workflow-retry-policy.js';
import { ASL_PATH, generateAsl } from '../../../scripts/generate-asl.js';

interface TaskState {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  Retry?: unknown[];
  Catch?: Array<{ ErrorEquals: string[]; Next: string; ResultPath?: string | null }>;
}

const source = readFileSync(ASL_PATH, 'utf8');
const states = (JSON.parse(source) as { States: Record<string, TaskState> }).States;
const tasks = Object.entries(states).filter(([, state]) => state.Type === 'Task');
const isCallback = (state: TaskState) => state.Resource?.endsWith('.waitForTaskToken') === true;

describe('Declaration: the workflow retry policy', () => {
  it('is what the checked-in ASL holds: regenerating it changes nothing', async () => {
    expect(await generateAsl(source)).toBe(source);
  });

  // Literal values, not the generator's own functions: the file is compared with what the policy should be.
  it('gives every Task the declared Retry, and a lambda:invoke Task the declared timeout', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(10);
    for (const [name, state] of tasks) {
      const kinds = (state.Retry as Array<{ ErrorEquals: string[] }>).map((retrier) =>
        retrier.ErrorEquals.includes('States.Timeout') ? 'timeout' : 'transient',
      );
      expect(kinds, name).toEqual(isCallback(state) ? ['transient'] : ['transient', 'timeout']);
      expect(state.Retry?.[0], name).toMatchObject({ MaxAttempts: 6, JitterStrategy: 'FULL', MaxDelaySeconds: 20 });
      expect(state.TimeoutSeconds, name).toBe(isCallback(state) ? undefined : 40);
    }
    expect(retryOf(false)).toEqual([TRANSIENT_RETRY, TIMEOUT_RETRY]);
    expect(TASK_STATE_TIMEOUT_SECONDS).toBe(40);
  });

  it('retries a timed-out or throttled invocation with backoff and full jitter before any Catch records it', () => {
    for (const retrier of [TRANSIENT_RETRY, TIMEOUT_RETRY]) {
      expect(retrier).toMatchObject({ JitterStrategy: 'FULL', BackoffRate: 2 });
      expect(retrier.MaxDelaySeconds).toBeGreaterThan(retrier.IntervalSeconds);
    }
    expect(TRANSIENT_RETRY.ErrorEquals).toEqual(
      expect.arrayContaining([
        'Lambda.TooManyRequestsException',
        'Lambda.ServiceException',
        'Lambda.AWSLambdaException',
        'Lambda.SdkClientException',
        'TransientError',
      ]),
    );
    for (const [name, state] of tasks.filter(([, task]) => !isCallback(task))) {
      expect(state.Retry, name).toContainEqual(expect.objectContaining({ ErrorEquals: ['States.Timeout'] }));
    }
    // In AWS the state's timeout only backs up Lambda's own, which stops the work.
    expect(TASK_STATE_TIMEOUT_SECONDS).toBeGreaterThan(TASK_FUNCTION_TIMEOUT_SECONDS);
  });

  it("never retries a callback task's timeout: that is its SLA step, routed by its own Catch", () => {
    const callbacks = tasks.filter(([, state]) => isCallback(state));
    expect(callbacks.length).toBeGreaterThanOrEqual(4);
    for (const [name, state] of callbacks) {
      expect(JSON.stringify(state.Retry), name).not.toContain('States.Timeout');
      expect(state.Catch?.[0], name).toMatchObject({ ErrorEquals: ['States.Timeout'] });
      expect(state.Catch?.[0]?.Next, name).not.toBe(FAILURE_STATE);
    }
  });

  it('ends every Catch with the failure record, except on the failure state itself', () => {
    for (const [name, state] of tasks) {
      if (name === FAILURE_STATE) expect(state.Catch).toBeUndefined();
      else
        expect(state.Catch?.at(-1), name).toEqual({
          ErrorEquals: ['States.ALL'],
          ResultPath: `$.failure.${name}`,
          Next: 'RecordWorkflowFailure',
        });
    }
    expect(failureCatchOf('OpenCase')).toEqual({
      ErrorEquals: ['States.ALL'],
      ResultPath: '$.failure.OpenCase',
      Next: FAILURE_STATE,
    });
  });

  it('rewrites a stale policy in one pass, keeps the flow, and is idempotent', () => {
    const stale = {
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: '${WorkFunctionArn}' },
          Retry: [{ ErrorEquals: ['TransientError'], MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Elsewhere' }],
          Next: 'Wait',
        },
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: '${WaitFunctionArn}' },
          TimeoutSecondsPath: '$.waitSeconds',
          Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'Work' }],
          End: true,
        },
        [FAILURE_STATE]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
      },
    };
    const applied = applyRetryPolicy(stale);
    expect(applied.States.Work).toMatchObject({
      TimeoutSeconds: TASK_STATE_TIMEOUT_SECONDS,
      Retry: retryOf(false),
      Catch: [failureCatchOf('Work')],
      Next: 'Wait',
    });
    expect(applied.States.Wait).toMatchObject({
      Retry: retryOf(true),
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'Work' }, failureCatchOf('Wait')],
      End: true,
    });
    expect(applied.States.Wait).not.toHaveProperty('TimeoutSeconds');
    expect(applied.States[FAILURE_STATE]).not.toHaveProperty('Catch');
    expect(applyRetryPolicy(applied)).toEqual(applied);
  });

  it('refuses a callback task without a route for its timeout', () => {
    const definition = {
      StartAt: 'Wait',
      States: { Wait: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', End: true } },
    };
    expect(() => applyRetryPolicy(definition)).toThrow(/Wait has no Catch for States.Timeout/);
  });
});
