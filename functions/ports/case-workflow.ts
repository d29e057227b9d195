/** Input of one case lifecycle execution; the execution is named by the case id, so a duplicate start is harmless. */
export interface CaseWorkflowInput {
  caseId: string;
  storeId: string;
  /**
   * The execution's name when it is not the case id: a retry of a failed lifecycle (`<caseId>-r<n>`), since a name
   * cannot be used twice. The input is `{ caseId, storeId }` either way.
   */
  executionName?: string;
}

/** The case lifecycle engine: Step Functions in AWS, the same ASL on the local engine locally. */
export interface CaseWorkflow {
  /** Starts the lifecycle; starting one that already exists for this case is a no-op. */
  start(input: CaseWorkflowInput): Promise<void>;
  /** Completes a parked callback task. A token that is unknown, timed out or already used is ignored. */
  completeWait(taskToken: string, output: Record<string, unknown>): Promise<void>;
}
