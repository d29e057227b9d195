import type { Dependencies } from '../../commons/dependencies.js';

/**
 * CONTRACT (owned by the workflow helper): called by every API action after its write. Reads the case; when the
 * workflow is parked on a wait (`workflowWait`) that the case's progress now ends (`domain/case-progress.ts`),
 * completes its token with `{ outcome }`, retrying transient failures; a completion that still fails is logged, not
 * thrown (the action is done; the wait's recheck timeout picks the signal up).
 */
export const signalWorkflow = async (
  _dependencies: Pick<Dependencies, 'cases' | 'workflow'>,
  _caseId: string,
): Promise<void> => {
  throw new Error('signalWorkflow: not implemented yet');
};
