import type { Dependencies } from '../commons/dependencies.js';
import { caseWithChange, type Case } from '../domain/case.js';
import { StateConflictError, TransientError } from '../domain/errors.js';
import { caseSla, movedDeadlines } from '../domain/sla/case-sla.js';
import type { OutboxItem } from '../domain/outbox.js';
import type { TimelineEvent } from '../domain/timeline.js';
import type { CaseChange, CaseStore } from '../ports/case-store.js';
import { backOff } from './assignment/contention.js';
import { findCase, findCaseWithTimeline } from './find-case.js';

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
  /** The timeline as read with the action's events appended: timed actions read it anyway (`timedReader`). */
  timeline?: TimelineEvent[];
  /** The outbox items written with the change (none: empty), for the caller to queue (`queueOutbox`). */
  outbox: readonly OutboxItem[];
}

/** Another action won the race this many times in a row: report the conflict rather than loop. */
const ATTEMPTS = 5;

/**
 * How an action reads its case: the case as read (with its timeline when the reader needs it), and what completes the
 * planned change before it is written.
 */
type ActionReader = (caseId: string) => Promise<{
  before: Case;
  timeline?: readonly TimelineEvent[];
  complete: (planned: PlannedChange) => PlannedChange;
}>;

const plainReader =
  (dependencies: Pick<Dependencies, 'cases'>): ActionReader =>
  async (caseId) => ({ before: await findCase(dependencies, caseId), complete: (planned) => planned });

/**
 * For actions that move an SLA clock (a first reply, a pause or a resume, a new priority, the end of the case): the
 * case is read with its timeline (one Query, as one GetItem would be) and the store's SLA policy (cached), and the
 * case's due times, the work queue's order, go into the action's own write, computed from the case as changed and
 * its timeline with the action's events. So the queue never lags the action, and no second write is needed.
 */
const timedReader =
  ({ cases, stores, clock }: Pick<Dependencies, 'cases' | 'stores' | 'clock'>): ActionReader =>
  async (caseId) => {
    const { case: before, timeline } = await findCaseWithTimeline({ cases }, caseId);
    const policy = await stores.getSlaPolicy(before.storeId);
    const complete = (planned: PlannedChange): PlannedChange => {
      const after = caseWithChange(before, planned);
      const events = [...timeline, planned.event, ...(planned.followUps ?? [])];
      const deadlines = movedDeadlines(
        before.deadlines,
        caseSla({ current: after, timeline: events, policy, now: clock.now() }),
      );
      return deadlines ? { ...planned, set: { ...planned.set, deadlines } } : planned;
    };
    return { before, timeline, complete };
  };

/**
 * Every staff and customer action on a case: read it, let `plan` decide on what was read, write the change with its
 * timeline events in one conditional update. The write applies only while the case's status and assignee are still
 * those the plan saw, so two concurrent actions cannot both pass on the same state; the loser reads again and is
 * decided afresh (a second reply is simply added; a second resolve becomes a 409 from its plan). A transaction that
 * collided with another on the same items (`TransientError`) is retried the same way, after a jittered pause.
 */
const applyWith = async (
  cases: CaseStore,
  read: ActionReader,
  caseId: string,
  plan: CasePlan,
): Promise<AppliedAction> => {
  for (let attempt = 1; ; attempt += 1) {
    const { before, timeline, complete } = await read(caseId);
    const { event, followUps = [], ...change } = complete(plan(before));
    const events = [event, ...followUps];
    try {
      await cases.update(before, {
        ...change,
        ifStatusIn: [before.status],
        ifAssignee: before.assignee?.agentId ?? null,
        events,
      });
      return {
        before,
        after: caseWithChange(before, change),
        event,
        ...(timeline ? { timeline: [...timeline, ...events] } : {}),
        outbox: change.outbox ?? [],
      };
    } catch (error) {
      const contended = error instanceof StateConflictError || error instanceof TransientError;
      if (!contended || attempt >= ATTEMPTS) throw error;
      if (error instanceof TransientError) await backOff(attempt);
    }
  }
};

export const applyCaseAction = (
  dependencies: Pick<Dependencies, 'cases'>,
  caseId: string,
  plan: CasePlan,
): Promise<AppliedAction> => applyWith(dependencies.cases, plainReader(dependencies), caseId, plan);

/** `applyCaseAction` for actions that move an SLA clock: the due times are written with the action (`timedReader`). */
export const applyTimedCaseAction = (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'clock'>,
  caseId: string,
  plan: CasePlan,
): Promise<AppliedAction> => applyWith(dependencies.cases, timedReader(dependencies), caseId, plan);
