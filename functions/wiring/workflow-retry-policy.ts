/**
 * The case workflow's error handling, declared once: the `TimeoutSeconds`, `Retry` and failure `Catch` of every Task
 * state of `statemachines/case-lifecycle.asl.json`. `npm run asl:generate` writes them into the checked-in file
 * (`applyRetryPolicy`); a test fails when the file differs from what the policy makes of it. Change the policy here.
 */

/** Every workflow task function's Lambda timeout (infra sets it; one task does a few DynamoDB round trips). */
export const TASK_FUNCTION_TIMEOUT_SECONDS = 30;

/**
 * A `lambda:invoke` Task state's `TimeoutSeconds`: the function's timeout plus a margin, so in AWS Lambda's own timeout
 * (which stops the work) fires first and this one only ends an invocation that never answers. The local engine has no
 * Lambda timeout: there this one fires, instead of the library's default of 60 s.
 */
export const TASK_STATE_TIMEOUT_SECONDS = TASK_FUNCTION_TIMEOUT_SECONDS + 10;

/** Where a step that failed after its retries goes: it records the failure on the case for supervisors. */
export const FAILURE_STATE = 'RecordWorkflowFailure';

/**
 * Errors worth another attempt: Lambda's own transient service errors and throttling, a function that timed out or
 * died (`Lambda.Unknown`, `Sandbox.Timedout`: task handlers are idempotent), and our transient classes (`TransientError`
 * and its subclasses by name: throttled or conflicting DynamoDB writes; `ServiceBusyError`). Any other error is a
 * bug or a bad stored value that another attempt would repeat: it is caught at once and recorded.
 */
export const TRANSIENT_TASK_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.Unknown',
  'Sandbox.Timedout',
  'TransientError',
  'ServiceBusyError',
] as const;

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds: number;
  MaxAttempts: number;
  BackoffRate: number;
  MaxDelaySeconds: number;
  JitterStrategy: 'FULL' | 'NONE';
}

/** Waits of up to 1, 2, 4, 8, 16, 20 s (full jitter: a burst of failures spreads out instead of retrying in step). */
export const TRANSIENT_RETRY: Retrier = {
  ErrorEquals: [...TRANSIENT_TASK_ERRORS],
  IntervalSeconds: 1,
  MaxAttempts: 6,
  BackoffRate: 2,
  MaxDelaySeconds: 20,
  JitterStrategy: 'FULL',
};

/**
 * An invocation that ran past {@link TASK_STATE_TIMEOUT_SECONDS} (an overloaded machine, a stuck connection). Fewer
 * attempts: each costs a whole timeout. Not for callback tasks: their timeout is the SLA timer, routed by their flow.
 */
export const TIMEOUT_RETRY: Retrier = {
  ErrorEquals: ['States.Timeout'],
  IntervalSeconds: 2,
  MaxAttempts: 3,
  BackoffRate: 2,
  MaxDelaySeconds: 20,
  JitterStrategy: 'FULL',
};

export interface Catcher {
  ErrorEquals: string[];
  ResultPath: string | null;
  Next: string;
}

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const CALLBACK_SUFFIX = '.waitForTaskToken';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCallback = (state: JsonObject): boolean =>
  typeof state.Resource === 'string' && state.Resource.endsWith(CALLBACK_SUFFIX);

/** The Retry of a Task state: transient errors, then (not for a callback task) its own timeout. */
export const retryOf = (callback: boolean): Retrier[] =>
  callback ? [TRANSIENT_RETRY] : [TRANSIENT_RETRY, TIMEOUT_RETRY];

/** The last Catch of every Task but the failure state: anything left after the retries is recorded. */
export const failureCatchOf = (stateName: string): Catcher => ({
  ErrorEquals: ['States.ALL'],
  ResultPath: `$.failure.${stateName}`,
  Next: FAILURE_STATE,
});

/**
 * A callback task's own route for its timeout (`States.Timeout` -> the SLA step), the one Catch that is flow rather
 * than policy: kept from the definition as it is written there. Every callback task must have one.
 */
const timeoutRouteOf = (stateName: string, state: JsonObject): Catcher => {
  const route = (Array.isArray(state.Catch) ? state.Catch : []).find(
    (catcher): catcher is Catcher =>
      isObject(catcher) &&
      Array.isArray(catcher.ErrorEquals) &&
      catcher.ErrorEquals.length === 1 &&
      catcher.ErrorEquals[0] === 'States.Timeout',
  );
  if (!route) throw new Error(`Callback task ${stateName} has no Catch for States.Timeout (its SLA step)`);
  return route;
};

/** The state with the policy's fields; its other fields keep their order, the transition (`Next`/`End`) comes last. */
const withPolicy = (stateName: string, state: JsonObject): JsonObject => {
  const callback = isCallback(state);
  const { Retry: _retry, Catch: _catch, Next, End, ...rest } = state;
  if (!callback && state.Resource === LAMBDA_INVOKE) rest.TimeoutSeconds = TASK_STATE_TIMEOUT_SECONDS;
  const catchers =
    stateName === FAILURE_STATE
      ? []
      : [...(callback ? [timeoutRouteOf(stateName, state)] : []), failureCatchOf(stateName)];
  return {
    ...rest,
    Retry: retryOf(callback),
    ...(catchers.length > 0 ? { Catch: catchers } : {}),
    ...(Next === undefined ? {} : { Next }),
    ...(End === undefined ? {} : { End }),
  };
};

/**
 * The definition with the policy applied to every Task state (nested Parallel and Map states included). Pure and
 * idempotent: applying it to its own output changes nothing.
 */
export const applyRetryPolicy = <T extends object>(definition: T): T => {
  const visit = (machine: JsonObject): JsonObject => {
    if (!isObject(machine.States)) return machine;
    const states = Object.fromEntries(
      Object.entries(machine.States).map(([name, state]) => {
        if (!isObject(state)) return [name, state];
        let next: JsonObject = state.Type === 'Task' ? withPolicy(name, state) : { ...state };
        if (Array.isArray(next.Branches))
          next = { ...next, Branches: (next.Branches as unknown[]).map((b) => (isObject(b) ? visit(b) : b)) };
        for (const key of ['ItemProcessor', 'Iterator'] as const) {
          const nested = next[key];
          if (isObject(nested)) next = { ...next, [key]: visit(nested) };
        }
        return [name, next];
      }),
    );
    return { ...machine, States: states };
  };
  return visit(definition as JsonObject) as T;
};
