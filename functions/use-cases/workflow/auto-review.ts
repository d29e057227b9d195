import type { Dependencies } from '../../commons/dependencies.js';
import type { WorkflowStep } from '../../domain/case-progress.js';
import type { DecisionOutcome } from '../../domain/case.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { reviewAgainstPolicy } from '../review-against-policy.js';
import { applyIfStill, loadCase } from './load-case.js';
import { openForWork, type OpeningPorts } from './open-case.js';

/**
 * Workflow step 1: decide the case against the store's policy and record the decision (with the policy version).
 * Run again, it returns the recorded decision instead of deciding twice.
 */
export const autoReview = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'uploads' | 'clock'>,
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

/** The first step's answer: where an approved case stands once opened, or the decision the workflow carries out. */
export type ReviewStep = WorkflowStep | { outcome: 'rejected' | 'manual_review'; waitSeconds: number };

/**
 * Workflow step 1 as the state machine runs it: the policy's decision and, when it approves, the opening for work in
 * the same step (`openForWork`: open, classify, assign, one acknowledgement naming the agent). A rejection or a manual
 * review is carried out by its own step. One state instead of five (review, route, open, classify, assign) saves four
 * state transitions on most cases; each part is idempotent, so a retry of the whole step finds the done parts done.
 */
export const reviewForWork = async (
  dependencies: OpeningPorts & Pick<Dependencies, 'uploads'>,
  caseId: string,
): Promise<ReviewStep> => {
  const { outcome } = await autoReview(dependencies, caseId);
  if (outcome !== 'approved') return { outcome, waitSeconds: 0 };
  return openForWork(dependencies, caseId);
};
