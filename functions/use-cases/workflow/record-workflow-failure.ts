import type { Dependencies } from '../../commons/dependencies.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';

export interface WorkflowFailure {
  caseId: string;
  failure: { Error?: string; Cause?: string };
}

/** A step failed after its retries: the case shows it (flag and internal timeline event) so a person picks it up. */
export const recordWorkflowFailure = async (
  { cases, clock }: Dependencies,
  { caseId, failure }: WorkflowFailure,
): Promise<void> => {
  const current = await cases.get(caseId);
  if (!current) return;
  const now = clock.now();
  const error = failure.Error ?? 'Unknown';
  await cases.update(current, {
    set: {
      workflowFailure: { error, cause: failure.Cause?.slice(0, 1000), at: now.toISOString() },
      updatedAt: now.toISOString(),
    },
    events: [timelineEvent(caseId, now, 'workflow_failed', SYSTEM, { visibility: 'internal', details: { error } })],
  });
};
