import type { Dependencies } from '../commons/dependencies.js';
import { CASE_ID_PATTERN, caseWithChange, type Case } from '../domain/case.js';
import { NotFoundError, StateConflictError, TransientError } from '../domain/errors.js';
import type { TimelineEvent } from '../domain/timeline.js';
import type { CaseChange } from '../ports/case-store.js';
import { backOff } from './assignment/contention.js';

export interface PlannedChange extends Omit<CaseChange, 'ifStatusIn' | 'ifAssignee' | 'events'> {
  /** The action's own timeline event (its id answers the request). */
  event: TimelineEvent;
  /** Events that follow from it in the same write, e.g. the status change a first reply makes. */
  followUps?: TimelineEvent[];
}

/** Decides an action on the case as read: the change to write, or the domain error (404, 403, 409) that forbids it. */
export type CasePlan = (current: Case) => PlannedChange;

export interface AppliedAction {
  before: Case;
  after: Case;
  event: TimelineEvent;
}

/** Another action won the race this many times in a row: report the conflict rather than loop. */
const ATTEMPTS = 5;

/** Reads a case by an id from a URL: a malformed id is as unknown as a missing case. */
export const findCase = async ({ cases }: Pick<Dependencies, 'cases'>, caseId: string): Promise<Case> => {
  const found = CASE_ID_PATTERN.test(caseId) ? await cases.get(caseId) : undefined;
  if (!found) throw new NotFoundError('No such case');
  return found;
};

/**
 * Every staff and customer action on a case: read it, let `plan` decide on what was read, write the change with its
 * timeline events in one conditional update. The write applies only while the case's status and assignee are still
 * those the plan saw, so two concurrent actions cannot both pass on the same state; the loser reads again and is
 * decided afresh (a second reply is simply added; a second resolve becomes a 409 from its plan). A transaction that
 * collided with another on the same items (`TransientError`) is retried the same way, after a jittered pause.
 */
export const applyCaseAction = async (
  dependencies: Pick<Dependencies, 'cases'>,
  caseId: string,
  plan: CasePlan,
): Promise<AppliedAction> => {
  for (let attempt = 1; ; attempt += 1) {
    const before = await findCase(dependencies, caseId);
    const { event, followUps = [], ...change } = plan(before);
    try {
      await dependencies.cases.update(before, {
        ...change,
        ifStatusIn: [before.status],
        ifAssignee: before.assignee?.agentId ?? null,
        events: [event, ...followUps],
      });
      return { before, after: caseWithChange(before, change), event };
    } catch (error) {
      const contended = error instanceof StateConflictError || error instanceof TransientError;
      if (!contended || attempt >= ATTEMPTS) throw error;
      if (error instanceof TransientError) await backOff(attempt);
    }
  }
};
