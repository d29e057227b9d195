import type { RunOptions } from 'aws-local-stepfunctions';
import {
  LAMBDA_INVOKE,
  LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
  type LocalTaskState,
  MAX_LOCAL_TIMEOUT_SECONDS,
  placeholderOfArn,
  TIMEOUT_SECONDS_KEY,
} from './asl-local-definition.js';
import type { TaskTokenRegistry } from './task-token-registry.js';

/** A workflow task function, as `functions/handlers/tasks/<name>.ts` exports it. */
export type TaskHandler = (event: Record<string, unknown>) => Promise<unknown>;

type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = Parameters<LocalHandlers[string]>[0];

/**
 * What `$$.Task.Token` resolves to locally: the library has no task token, so the engine passes this value in the
 * execution's context object and the dispatcher replaces it, wherever it landed in the payload, with a fresh token.
 */
export const TASK_TOKEN_MARKER = '__local_task_token__';

/** The library's default for a Task without a timeout. */
const LIBRARY_DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * Raised into an execution the engine is stopping. The library reads `isRetryable`/`isCatchable` off any error, so no
 * Retry or Catch of the definition runs another handler; the execution stays RUNNING and resumes after a restart.
 */
export class ExecutionStoppedError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;

  constructor() {
    super('The local workflow engine stopped this execution; it resumes on the next start');
    this.name = 'ExecutionStopped';
  }
}

/**
 * A task's failure as the lambda:invoke integration reports it: Error is the function's error name (what Retry and Catch
 * match, e.g. `TransientError`), Cause the JSON the Lambda runtime returns for it.
 */
class TaskFailedError extends Error {
  constructor(name: string, message: string) {
    super(JSON.stringify({ errorType: name, errorMessage: message }));
    this.name = name;
  }
}

const asTaskFailure = (error: unknown): TaskFailedError =>
  error instanceof Error ? new TaskFailedError(error.name, error.message) : new TaskFailedError('Error', String(error));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a function's result becomes on its way through Lambda: JSON, `undefined` as `{}`. */
const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? {})) as JsonValue;

const withToken = (value: unknown, token: string): unknown => {
  if (typeof value === 'string') return value.replaceAll(TASK_TOKEN_MARKER, token);
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]));
  return value;
};

const handlerFor = (taskHandlers: Record<string, TaskHandler>, arn: unknown): TaskHandler | undefined => {
  const placeholder = typeof arn === 'string' ? placeholderOfArn(arn) : undefined;
  return placeholder === undefined ? undefined : taskHandlers[placeholder];
};

/** Fails fast, at load, on a Task the dispatcher could not run: an unsupported resource or a function without a handler. */
export const assertDispatchable = (
  taskStates: Record<string, LocalTaskState>,
  taskHandlers: Record<string, TaskHandler>,
): void => {
  for (const [name, task] of Object.entries(taskStates)) {
    const direct = placeholderOfArn(task.resource) !== undefined;
    if (!direct && task.resource !== LAMBDA_INVOKE && task.resource !== LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN) {
      throw new Error(`Task state ${name}: the local engine cannot run resource ${task.resource}`);
    }
    const arn = direct ? task.resource : task.functionName;
    if (arn !== undefined && !handlerFor(taskHandlers, arn)) {
      throw new Error(`Task state ${name}: no local handler for ${arn}`);
    }
  }
};

export interface DispatchContext {
  executionName: string;
  taskStates: Record<string, LocalTaskState>;
  taskHandlers: Record<string, TaskHandler>;
  tokens: TaskTokenRegistry;
  isStopped: () => boolean;
}

/**
 * `overrides.taskResourceLocalHandlers` for one execution: every Task state dispatches on its Resource.
 * - `lambda:invoke`: calls the handler with `Payload`, returns `{ Payload, StatusCode: 200 }`;
 * - `lambda:invoke.waitForTaskToken`: parks a fresh token, calls the handler with it in `Payload`, and returns the output
 *   given to `completeWait` (as SendTaskSuccess does, not wrapped); a handler error fails the state;
 * - a Lambda ARN as Resource: calls the handler with the state's input and returns its result as is.
 */
export const buildTaskResourceHandlers = (context: DispatchContext): LocalHandlers => {
  const invoke = async (arn: unknown, payload: unknown): Promise<JsonValue> => {
    const handler = handlerFor(context.taskHandlers, arn);
    if (!handler) throw new TaskFailedError('Lambda.ResourceNotFoundException', `Function not found: ${String(arn)}`);
    if (payload !== undefined && !isObject(payload)) {
      throw new TaskFailedError('States.Runtime', 'A task Payload must be a JSON object');
    }
    try {
      return asJson(await handler(payload ?? {}));
    } catch (error) {
      throw asTaskFailure(error);
    }
  };

  const waitForToken = async (parameters: Record<string, unknown>, timeoutSeconds: number): Promise<JsonValue> => {
    const { token, result } = context.tokens.park(context.executionName, timeoutSeconds * 1000);
    // A handler error fails the state (as a failed Lambda invocation does); once the token is settled it is ignored.
    invoke(parameters.FunctionName, withToken(parameters.Payload, token)).catch((error: unknown) =>
      context.tokens.fail(token, error),
    );
    return asJson(await result);
  };

  const dispatch = async (task: LocalTaskState, input: JsonValue): Promise<JsonValue> => {
    if (context.isStopped()) throw new ExecutionStoppedError();
    const parameters = isObject(input) ? { ...input } : {};
    const pathTimeout = parameters[TIMEOUT_SECONDS_KEY];
    delete parameters[TIMEOUT_SECONDS_KEY];
    if (isObject(input) && typeof pathTimeout === 'number' && pathTimeout > MAX_LOCAL_TIMEOUT_SECONDS) {
      // The library reads the timeout from this same object right after calling us; a Node timer cannot wait longer.
      input[TIMEOUT_SECONDS_KEY] = MAX_LOCAL_TIMEOUT_SECONDS;
    }
    if (task.resource === LAMBDA_INVOKE) {
      return { Payload: await invoke(parameters.FunctionName, parameters.Payload), StatusCode: 200 };
    }
    if (task.resource === LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN) {
      const seconds =
        typeof pathTimeout === 'number' ? pathTimeout : (task.timeoutSeconds ?? LIBRARY_DEFAULT_TIMEOUT_SECONDS);
      return waitForToken(parameters, Math.min(seconds, MAX_LOCAL_TIMEOUT_SECONDS));
    }
    return invoke(task.resource, isObject(input) ? parameters : input);
  };

  return Object.fromEntries(
    Object.entries(context.taskStates).map(([name, task]) => [name, (input: JsonValue) => dispatch(task, input)]),
  );
};
