import { ExecutionError, ExecutionTimeoutError, type StateMachine } from 'aws-local-stepfunctions';
import type { ExecutionEvent, ExecutionRecord } from './execution-record-store.js';

type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** Events kept on a record (the newest); the counts cover them all. */
export const EVENT_LOG_LIMIT = 100;

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value instanceof Error
      ? `${value.name}: ${value.message}`
      : JSON.stringify(value);

/** One library event without the state's input and output. */
const summarize = (event: EventLog): ExecutionEvent => ({
  type: event.type,
  timestamp: new Date(event.timestamp).toISOString(),
  ...('state' in event ? { state: event.state.name } : {}),
  ...('Error' in event ? { error: event.Error, cause: asText(event.Cause) } : {}),
});

/**
 * Reads the library's event log into the record as the execution runs: every event counts in `historyEventCount`;
 * `transitionCount` counts states entered plus retries (AWS bills each retry as a transition); the newest
 * {@link EVENT_LOG_LIMIT} events are kept, summarised. Ends when the execution ends (the library closes the log).
 */
export const collectEvents = async (record: ExecutionRecord, events: AsyncGenerator<EventLog>): Promise<void> => {
  const kept = (record.events ??= []);
  for await (const event of events) {
    record.historyEventCount += 1;
    if (event.type === 'StateEntered' || event.type === 'StateRetried') record.transitionCount += 1;
    kept.push(summarize(event));
    if (kept.length > EVENT_LOG_LIMIT) kept.shift();
  }
};

/** The error and cause of a failed execution: those of the state error that ended it, like AWS's ExecutionFailed event. */
export const failureOf = (error: unknown): { error: string; cause: string } => {
  if (error instanceof ExecutionTimeoutError) {
    return { error: 'States.Timeout', cause: 'The execution exceeded its TimeoutSeconds' };
  }
  const reason = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
  return reason instanceof Error
    ? { error: reason.name, cause: reason.message }
    : { error: 'Error', cause: asText(reason) };
};
