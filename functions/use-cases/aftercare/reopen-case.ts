import type { Dependencies } from '../../commons/dependencies.js';
import type { CaseRevisit } from '../../domain/aftercare/revisit.js';
import { roundOf, type Case, type CaseEscalation, type CaseRound, type ReopenReason } from '../../domain/case.js';
import { AgentUnavailableError } from '../../domain/errors.js';
import type { Actor, TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { outboxItem } from '../../domain/outbox.js';
import { applyTimedCaseAction, type AppliedAction, type PlannedChange } from '../apply-case-action.js';
import { offerFreedCapacity } from '../assignment/offer-freed-capacity.js';
import { queueOutbox } from '../notifications/outbox.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

export interface Reopening {
  reason: ReopenReason;
  actor: Actor;
  /** The action's own event (the customer's message, the revisit's outcome); the reopening follows it. */
  event: TimelineEvent;
  /** The round's revisit as the action leaves it (`recurred`), kept in the round's history. */
  revisit?: CaseRevisit;
  now: Date;
}

/** The first response stays met and its ladder taken; the resolution's ladder and breaches start again per round. */
const firstResponseLadderOf = (escalation: CaseEscalation): CaseEscalation => {
  const ladders = escalation.ladders.firstResponse ? { firstResponse: escalation.ladders.firstResponse } : {};
  return {
    level: ladders.firstResponse?.level ?? 0,
    ladders,
    breaches: escalation.breaches.filter((breach) => breach.milestone === 'firstResponse'),
  };
};

/**
 * The change that reopens a resolved case, starting its next round: the finished round (resolution, survey — voided
 * when still unanswered —, revisit, escalation) is kept in `rounds`, never overwritten; the case goes back to its
 * agent (`in_progress`, their load taken again) or, `toAgent: false`, to the unassigned queue; a new resolution clock
 * starts at the reopening. A public `reopened` event, and `survey_voided` when a survey link dies with it.
 */
export const reopenPlan = (current: Case, reopening: Reopening, { toAgent }: { toAgent: boolean }): PlannedChange => {
  const { now, actor } = reopening;
  const at = now.toISOString();
  const round = roundOf(current);
  const voided = current.survey?.status === 'sent';
  const survey = current.survey && voided ? { ...current.survey, status: 'void' as const } : current.survey;
  const revisit = reopening.revisit ?? current.revisit;
  const finished: CaseRound = {
    round,
    resolution: current.resolution as NonNullable<Case['resolution']>,
    ...(survey ? { survey } : {}),
    ...(revisit ? { revisit } : {}),
    ...(current.escalation ? { escalation: current.escalation } : {}),
    reopen: { at, by: actor.id ?? actor.kind, reason: reopening.reason },
  };
  const agent = toAgent ? current.assignee : undefined;
  const status = agent ? 'in_progress' : 'open';
  return {
    event: reopening.event,
    followUps: [
      ...(voided
        ? [timelineEvent(current.caseId, now, 'survey_voided', actor, { visibility: 'internal', details: { round } })]
        : []),
      timelineEvent(current.caseId, now, 'reopened', actor, {
        from: current.status,
        to: status,
        details: { round: round + 1, reason: reopening.reason },
      }),
    ],
    set: {
      status,
      round: round + 1,
      reopenedAt: at,
      rounds: [...(current.rounds ?? []), finished],
      ...(current.escalation ? { escalation: firstResponseLadderOf(current.escalation) } : {}),
      updatedAt: at,
    },
    remove: ['resolution', 'survey', 'revisit', ...(agent ? [] : (['assignee'] as const))],
    ...(agent ? { agentLoad: { take: { storeId: current.storeId, agentId: agent.agentId }, at } } : {}),
    // The customer's email, written with the reopening (see `notifications/outbox.ts`).
    outbox: [
      outboxItem(
        { kind: 'reopened', reason: reopening.reason, round: round + 1, ...(agent ? { assignee: agent } : {}) },
        at,
      ),
    ],
  };
};

/**
 * Applies an action that may reopen the case (`plan` decides from the case as read, calling `reopenPlan` when it
 * reopens), back to the resolving agent; when that agent can no longer take it (unavailable, at capacity, gone), to
 * the unassigned queue instead. Then the customer's email (an outbox item written with the reopening) is queued, the
 * workflow signalled (its aftercare wait ends and the case waits for its resolution again), and an unassigned
 * reopening is offered to the agents with room.
 */
export const applyReopeningAction = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  caseId: string,
  plan: (current: Case, toAgent: boolean) => PlannedChange,
): Promise<AppliedAction> => {
  let applied: AppliedAction;
  try {
    applied = await applyTimedCaseAction(dependencies, caseId, (current) => plan(current, true));
  } catch (error) {
    if (!(error instanceof AgentUnavailableError)) throw error;
    applied = await applyTimedCaseAction(dependencies, caseId, (current) => plan(current, false));
  }
  const { before, after } = applied;
  if (roundOf(after) > roundOf(before)) {
    await queueOutbox(dependencies, caseId, applied.outbox);
    if (!after.assignee) await offerFreedCapacity(dependencies, after.storeId);
  }
  await signalWorkflow(dependencies, caseId);
  return applied;
};
