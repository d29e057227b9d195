import type { Dependencies } from '../../commons/dependencies.js';
import { WAIT_RULES } from '../../domain/case-progress.js';
import type { WaitSignal } from '../../domain/case.js';
import { currentWorkflowStep } from '../sla/sla-context.js';
import { applyIfStill, loadCase } from './load-case.js';
import { signalWorkflow } from './signal-workflow.js';

export interface AwaitSignalInput {
  caseId: string;
  signal: WaitSignal;
  taskToken: string;
  /** The wait's timeout, as the state machine set it: stored as `wakeAt` so a change that needs it earlier re-times it. */
  waitSeconds?: number;
}

/**
 * Parks the workflow on a callback: stores the task token with the case, but only while the case is still in a status
 * that waits for the event (`WAIT_RULES`, a conditional write). If the event already happened (the API acted before the
 * token was stored), completes the token itself with the workflow's next step, so no signal is lost whichever comes
 * first. Once stored, it runs the API's own check (`signalWorkflow`): an SLA change that landed between the step that
 * timed this wait and the token's write (a resume, a policy change) re-times the wait at once.
 */
export const awaitSignal = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'clock'>,
  { caseId, signal, taskToken, waitSeconds }: AwaitSignalInput,
): Promise<void> => {
  const current = await loadCase(dependencies, caseId);
  const now = dependencies.clock.now();
  const stored = await applyIfStill(dependencies, current, {
    ifStatusIn: WAIT_RULES[signal].waitingIn,
    set: {
      workflowWait: {
        signal,
        taskToken,
        since: now.toISOString(),
        ...(waitSeconds !== undefined ? { wakeAt: new Date(now.getTime() + waitSeconds * 1000).toISOString() } : {}),
      },
    },
    events: [],
  });
  if (stored) {
    await signalWorkflow(dependencies, caseId);
    return;
  }
  await dependencies.workflow.completeWait(taskToken, { ...(await currentWorkflowStep(dependencies, caseId)) });
};
