import type { Dependencies } from '../../commons/dependencies.js';
import type { RevisitOutcome } from '../../domain/aftercare/revisit.js';
import { roundOf, type Case } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { StateConflictError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyReopeningAction, reopenPlan } from '../aftercare/reopen-case.js';
import { staffActor } from './staff-actor.js';

export interface RevisitCompletion {
  user: StaffUser;
  caseId: string;
  outcome: RevisitOutcome;
  note?: string | undefined;
}

/**
 * Completes the follow-up (`POST /v1/staff/cases/{caseId}/revisit`) of a resolved case whose round has a revisit
 * (scheduled or already in the queue: an agent may call the customer early); 409 otherwise (no revisits, done already,
 * reopened, closed). The agent of the case, or a supervisor or admin of its store.
 * - `ok`: the problem stayed solved: the case is `closed` (its workflow ends once nothing is left to send);
 * - `recurred`: the case is reopened (see `reopenPlan`): back to the agent with a new resolution clock.
 * Both record a `revisit_completed` event with the outcome and note. Returns the case as changed.
 */
export const completeRevisit = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  request: RevisitCompletion,
): Promise<Case> => {
  const { after } = await applyReopeningAction(dependencies, request.caseId, (current, toAgent) => {
    assertCaseAccess(request.user, current);
    const revisit = current.revisit;
    if (current.status !== 'resolved' || !revisit || revisit.outcome) {
      throw new StateConflictError(`A ${current.status} case has no revisit to complete`);
    }
    const now = dependencies.clock.now();
    const at = now.toISOString();
    const actor = staffActor(request.user);
    const done = {
      ...revisit,
      outcome: request.outcome,
      ...(request.note ? { note: request.note } : {}),
      doneAt: at,
      doneBy: request.user.userId,
    };
    const event = timelineEvent(current.caseId, now, 'revisit_completed', actor, {
      visibility: 'internal',
      details: { round: roundOf(current), outcome: request.outcome, ...(request.note ? { note: request.note } : {}) },
    });
    if (request.outcome === 'recurred') {
      return reopenPlan(current, { reason: 'revisit_recurred', actor, event, revisit: done, now }, { toAgent });
    }
    return {
      event,
      followUps: [
        timelineEvent(current.caseId, now, 'closed', actor, {
          from: current.status,
          to: 'closed',
          details: { round: roundOf(current), reason: 'revisit_ok' },
        }),
      ],
      set: { status: 'closed', closedAt: at, revisit: done, updatedAt: at },
    };
  });
  return after;
};
