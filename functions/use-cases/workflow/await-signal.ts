import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { applyIfStill, loadCase } from './load-case.js';

export interface AwaitSignalInput {
  caseId: string;
  signal: 'review';
  taskToken: string;
}

/** What completes each wait, read from the case once the awaited event has happened (or `undefined` while it has not). */
const SIGNALS: Record<
  AwaitSignalInput['signal'],
  { waitingStatus: Case['status']; outcome: (value: Case) => Record<string, unknown> | undefined }
> = {
  review: {
    waitingStatus: 'pending_review',
    outcome: (value) =>
      value.status === 'pending_review' || !value.decision ? undefined : { outcome: value.decision.outcome },
  },
};

/**
 * Parks the workflow on a callback: stores the task token with the case, but only while the case still waits for the
 * event. If the event already happened (the API acted before the token was stored), completes the token itself, so no
 * signal is lost whichever comes first. The API side updates the case with the same condition and completes the token
 * it finds.
 */
export const awaitSignal = async (
  dependencies: Dependencies,
  { caseId, signal, taskToken }: AwaitSignalInput,
): Promise<void> => {
  const current = await loadCase(dependencies, caseId);
  const rule = SIGNALS[signal];
  const stored = await applyIfStill(dependencies, current, {
    ifStatusIn: [rule.waitingStatus],
    set: { workflowWait: { signal, taskToken, since: dependencies.clock.now().toISOString() } },
    events: [],
  });
  if (stored) return;
  const latest = await loadCase(dependencies, caseId);
  const output = rule.outcome(latest) ?? { outcome: 'cancelled' };
  await dependencies.workflow.completeWait(taskToken, output);
};
