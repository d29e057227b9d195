import { StateConflictError } from './errors.js';

/**
 * A case whose workflow gave up on a step after its retries. The state machine's Catch puts the error under the failed
 * state's name (`ResultPath: $.failure.<State>`), so the failure step can say where it stopped; a catch written the
 * plain way (`$.failure` = `{ Error, Cause }`) still records the error, with no state.
 */
export interface WorkflowFailure {
  error: string;
  cause?: string;
  at: string;
  /** The ASL state that failed, when the Catch named it. */
  state?: string;
  /** The execution that failed (`<caseId>` for the first, `<caseId>-r<n>` for the n-th retry). */
  execution?: string;
}

export interface CaughtError {
  Error?: string | undefined;
  Cause?: string | undefined;
}

/** A Catch's result: the error itself, or the error keyed by the state that failed. */
export type CaughtFailure = CaughtError | Record<string, CaughtError>;

const MAX_CAUSE_LENGTH = 1000;

const isCaughtError = (value: unknown): value is CaughtError =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as CaughtError).Error === 'string' || typeof (value as CaughtError).Cause === 'string');

/** The failure to record on the case from what the Catch left in `$.failure`. */
export const workflowFailureOf = (
  caught: CaughtFailure,
  { at, execution }: { at: Date; execution?: string | undefined },
): WorkflowFailure => {
  const named = isCaughtError(caught)
    ? undefined
    : Object.entries(caught).find((entry): entry is [string, CaughtError] => isCaughtError(entry[1]));
  const error: CaughtError = named ? named[1] : isCaughtError(caught) ? caught : {};
  return {
    error: error.Error ?? 'Unknown',
    ...(error.Cause ? { cause: error.Cause.slice(0, MAX_CAUSE_LENGTH) } : {}),
    at: at.toISOString(),
    ...(named ? { state: named[0] } : {}),
    ...(execution ? { execution } : {}),
  };
};

/**
 * The name of the execution a retry starts: never the failed one's (Step Functions keeps a name for 90 days), and the
 * same for two concurrent retries of one failure, so the second start is a harmless duplicate.
 */
export const retryExecutionName = (caseId: string, retriesSoFar: number): string => `${caseId}-r${retriesSoFar + 1}`;

/** A retry needs a failed workflow to restart (a running one, or none that failed, is a 409). */
export const assertRetryable = (value: { workflowFailure?: WorkflowFailure | undefined }): WorkflowFailure => {
  if (!value.workflowFailure) {
    throw new StateConflictError('The case has no failed workflow to retry: its workflow is running or ended well');
  }
  return value.workflowFailure;
};
