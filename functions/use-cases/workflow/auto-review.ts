import type { Dependencies } from '../../commons/dependencies.js';
import type { DecisionOutcome } from '../../domain/case.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { reviewAgainstPolicy } from '../review-against-policy.js';
import { applyIfStill, loadCase } from './load-case.js';

/**
 * Workflow step 1: decide the case against the store's policy and record the decision (with the policy version).
 * Run again, it returns the recorded decision instead of deciding twice.
 */
export const autoReview = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'attachments' | 'clock'>,
  caseId: string,
): Promise<{ outcome: DecisionOutcome }> => {
  const current = await loadCase(dependencies, caseId);
  if (current.decision) return { outcome: current.decision.outcome };
  const decision = await reviewAgainstPolicy(dependencies, current.storeId, current, caseId);
  const recorded = await applyIfStill(dependencies, current, {
    ifStatusIn: ['submitted'],
    set: { decision, updatedAt: decision.decidedAt },
    events: [
      timelineEvent(
        caseId,
        new Date(decision.decidedAt),
        'decision_made',
        { kind: 'system', id: 'policy' },
        {
          to: decision.outcome,
          details: { reasons: decision.reasons.map((reason) => reason.code), policyVersion: decision.policyVersion },
        },
      ),
    ],
  });
  if (recorded) return { outcome: decision.outcome };
  const latest = await loadCase(dependencies, caseId);
  return { outcome: latest.decision?.outcome ?? decision.outcome };
};
