import type { Dependencies } from '../../commons/dependencies.js';
import { WAIT_RULES, workflowStep } from '../../domain/case-progress.js';
import type { WaitSignal } from '../../domain/case.js';
import { applyIfStill, loadCase, loadStore } from './load-case.js';

export interface AwaitSignalInput {
  caseId: string;
  signal: WaitSignal;
  taskToken: string;
}

/**
 * Parks the workflow on a callback: stores the task token with the case, but only while the case is still in a status
 * that waits for the event (`WAIT_RULES`, a conditional write). If the event already happened (the API acted before the
 * token was stored), completes the token itself with the workflow's next step, so no signal is lost whichever comes
 * first. The API side writes first, then reads the case and completes the token it finds (`signalWorkflow`).
 */
export const awaitSignal = async (
  dependencies: Dependencies,
  { caseId, signal, taskToken }: AwaitSignalInput,
): Promise<void> => {
  const current = await loadCase(dependencies, caseId);
  const stored = await applyIfStill(dependencies, current, {
    ifStatusIn: WAIT_RULES[signal].waitingIn,
    set: { workflowWait: { signal, taskToken, since: dependencies.clock.now().toISOString() } },
    events: [],
  });
  if (stored) return;
  const latest = await loadCase(dependencies, caseId);
  const store = await loadStore(dependencies, latest.storeId);
  await dependencies.workflow.completeWait(taskToken, { ...workflowStep(latest, store) });
};
