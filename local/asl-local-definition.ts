/**
 * Turns the deployed ASL (with CDK's `${Placeholder}` substitutions) into the definition the local engine runs, and
 * catalogues its Task states for the local dispatcher. Pure: the input is not modified.
 *
 * Three rewrites, each for a gap between AWS and `aws-local-stepfunctions` (see TOOLCHAIN.md, "Step Functions, locally"):
 * 1. every `${Placeholder}` becomes a local Lambda ARN naming the placeholder, which the dispatcher maps back to a handler;
 * 2. `TimeoutSecondsPath`: the library resolves it against the state's effective input (after `Parameters`), AWS against
 *    the raw input. The path is copied into `Parameters` under {@link TIMEOUT_SECONDS_KEY} (resolved there against the
 *    raw input, as AWS does) and `TimeoutSecondsPath` points at that key; the dispatcher strips it before the handler runs;
 * 3. timeouts: the library gives a Task without one 60 s (AWS: no limit for a callback task) and Node timers cannot exceed
 *    {@link MAX_LOCAL_TIMEOUT_SECONDS} (a longer one fires at once). A callback task without a timeout gets that maximum;
 *    a longer static `TimeoutSeconds` is lowered to it.
 */

export const LOCAL_LAMBDA_ARN_PREFIX = 'arn:aws:lambda:us-east-1:000000000000:function:';
export const TIMEOUT_SECONDS_KEY = 'timeoutSeconds__';
/** 2^31 - 1 ms, the longest delay `setTimeout` honours, in whole seconds (about 24.8 days). */
export const MAX_LOCAL_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** What the dispatcher needs to know about one Task state. */
export interface LocalTaskState {
  resource: string;
  /** `Parameters.FunctionName` when it is a literal (not a `.$` path). */
  functionName?: string;
  /** The static `TimeoutSeconds`, when the state has one (after the rewrites). */
  timeoutSeconds?: number;
}

export interface LocalDefinition {
  /** The definition to hand to `new StateMachine(...)`. */
  definition: Record<string, unknown>;
  /** Every Task state by name, nested Parallel branches and Map processors included (the library keys overrides by name). */
  taskStates: Record<string, LocalTaskState>;
  /** Names of the states that have a `Retry` field. */
  retryStateNames: string[];
  /** The `${...}` placeholders found, in order of first appearance. */
  placeholders: string[];
}

type JsonObject = Record<string, unknown>;

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const localFunctionArn = (placeholder: string): string => `${LOCAL_LAMBDA_ARN_PREFIX}${placeholder}`;

/** The placeholder a local Lambda ARN names (a version or alias suffix is ignored); undefined for any other ARN. */
export const placeholderOfArn = (arn: string): string | undefined =>
  arn.startsWith(LOCAL_LAMBDA_ARN_PREFIX) ? arn.slice(LOCAL_LAMBDA_ARN_PREFIX.length).split(':')[0] : undefined;

const substitute = (value: unknown, found: Set<string>): unknown => {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_match, name: string) => {
      found.add(name);
      return localFunctionArn(name);
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, found));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, found)]));
  return value;
};

const rewriteTask = (state: JsonObject, invokeTimeoutSeconds: number | undefined): void => {
  if (invokeTimeoutSeconds !== undefined && state.Resource === LAMBDA_INVOKE)
    state.TimeoutSeconds = invokeTimeoutSeconds;
  const path = state.TimeoutSecondsPath;
  if (typeof path === 'string' && isObject(state.Parameters)) {
    state.Parameters = { ...state.Parameters, [`${TIMEOUT_SECONDS_KEY}.$`]: path };
    state.TimeoutSecondsPath = `$.${TIMEOUT_SECONDS_KEY}`;
  }
  if (typeof state.TimeoutSeconds === 'number' && state.TimeoutSeconds > MAX_LOCAL_TIMEOUT_SECONDS) {
    state.TimeoutSeconds = MAX_LOCAL_TIMEOUT_SECONDS;
  }
  const isCallback = typeof state.Resource === 'string' && state.Resource.endsWith('.waitForTaskToken');
  if (isCallback && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
    state.TimeoutSeconds = MAX_LOCAL_TIMEOUT_SECONDS;
  }
};

/** Nested state machines: Parallel branches, Map's `ItemProcessor` (or the older `Iterator`). */
const nestedMachines = (state: JsonObject): JsonObject[] => [
  ...(Array.isArray(state.Branches) ? state.Branches.filter(isObject) : []),
  ...[state.ItemProcessor, state.Iterator].filter(isObject),
];

const visitStates = (machine: JsonObject, result: LocalDefinition, invokeTimeoutSeconds: number | undefined): void => {
  if (!isObject(machine.States)) return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (!isObject(state)) continue;
    if (Array.isArray(state.Retry)) result.retryStateNames.push(name);
    if (state.Type === 'Task' && typeof state.Resource === 'string') {
      rewriteTask(state, invokeTimeoutSeconds);
      const functionName = isObject(state.Parameters) ? state.Parameters.FunctionName : undefined;
      result.taskStates[name] = {
        resource: state.Resource,
        ...(typeof functionName === 'string' ? { functionName } : {}),
        ...(typeof state.TimeoutSeconds === 'number' ? { timeoutSeconds: state.TimeoutSeconds } : {}),
      };
    }
    nestedMachines(state).forEach((nested) => visitStates(nested, result, invokeTimeoutSeconds));
  }
};

/** `invokeTimeoutSeconds` (tests only) replaces the declared timeout of every `lambda:invoke` task. */
export const toLocalDefinition = (
  definition: object,
  { invokeTimeoutSeconds }: { invokeTimeoutSeconds?: number } = {},
): LocalDefinition => {
  const found = new Set<string>();
  const substituted = substitute(definition, found);
  if (!isObject(substituted)) throw new Error('A state machine definition must be a JSON object');
  const result: LocalDefinition = { definition: substituted, taskStates: {}, retryStateNames: [], placeholders: [] };
  visitStates(substituted, result, invokeTimeoutSeconds);
  result.placeholders = [...found];
  return result;
};
