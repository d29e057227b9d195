import type { Case, CaseStatus, WaitSignal } from './case.js';
import { durationToSeconds } from './duration.js';
import { DEFAULT_SIGNAL_RECHECK_AFTER, type Store } from './store.js';

/**
 * Where a case stands, as the workflow sees it. Every callback wait ends with one of these as its `outcome`, and the
 * state machine routes on it, so a signal that arrives late or out of order still sends the execution to the right
 * place (a case resolved before its first response skips the response wait).
 */
export type Progress = 'approved' | 'rejected' | 'assigned' | 'responded' | 'resolved' | 'closed' | 'cancelled';

export const progressOf = (value: Pick<Case, 'status' | 'firstRespondedAt' | 'decision'>): Progress | undefined => {
  switch (value.status) {
    case 'cancelled':
      return 'cancelled';
    case 'resolved':
      return 'resolved';
    case 'closed':
      return 'closed';
    case 'rejected':
      return 'rejected';
    case 'in_progress':
    case 'awaiting_customer':
      return 'responded';
    case 'assigned':
      return value.firstRespondedAt ? 'responded' : 'assigned';
    case 'open':
      // An unassigned case a supervisor already answered has had its first response.
      return value.firstRespondedAt ? 'responded' : value.decision?.outcome === 'approved' ? 'approved' : undefined;
    default:
      return undefined;
  }
};

interface WaitRule {
  /** The wait is parked (its token stored) only while the case is in one of these statuses. */
  waitingIn: readonly CaseStatus[];
  /** The progress values that end the wait. */
  endsOn: readonly Progress[];
}

export const WAIT_RULES: Record<WaitSignal, WaitRule> = {
  review: { waitingIn: ['pending_review'], endsOn: ['approved', 'rejected', 'cancelled'] },
  assignment: { waitingIn: ['open'], endsOn: ['assigned', 'responded', 'resolved', 'cancelled'] },
  firstResponse: { waitingIn: ['assigned'], endsOn: ['responded', 'resolved', 'cancelled'] },
  // `open`/`assigned` too: a reopened case whose agent could not take it back waits unassigned, first response met.
  resolution: {
    waitingIn: ['open', 'assigned', 'in_progress', 'awaiting_customer'],
    endsOn: ['resolved', 'cancelled'],
  },
  // After resolution: the survey, its reminder, the revisit. Ends early only when the case is reopened; every other
  // change (an answer, the revisit's ok) re-times it to "now" through the API's signal (`wakesTooLate`).
  aftercare: { waitingIn: ['resolved', 'closed'], endsOn: ['approved', 'assigned', 'responded'] },
};

/** The outcome that completes `signal`'s wait for this case, or undefined while the awaited event has not happened. */
export const waitOutcome = (
  signal: WaitSignal,
  value: Pick<Case, 'status' | 'firstRespondedAt' | 'decision'>,
): { outcome: Progress } | undefined => {
  const progress = progressOf(value);
  return progress && WAIT_RULES[signal].endsOn.includes(progress) ? { outcome: progress } : undefined;
};

/**
 * What every workflow step that can precede a wait returns, and what completes each wait: where the case stands, and how
 * long the next wait may park before it times out into the escalation step: until the next SLA step falls due
 * (`wakeAt`), and never longer than the store's recheck period, the safety net should an API action's signal be lost.
 */
export interface WorkflowStep {
  /**
   * `pending` while nothing the workflow routes on has happened (a case still in review). The follow-up step alone
   * answers `aftercare` (park until its next step) or `finished` (closed, nothing left to send: the execution ends).
   */
  outcome: Progress | 'pending' | 'aftercare' | 'finished';
  waitSeconds: number;
}

const recheckSecondsOf = (store: Pick<Store, 'signalRecheckAfter'>): number =>
  Math.max(1, Math.round(durationToSeconds(store.signalRecheckAfter ?? DEFAULT_SIGNAL_RECHECK_AFTER)));

export const workflowStep = (
  value: Pick<Case, 'status' | 'firstRespondedAt' | 'decision'>,
  { store, now, wakeAt }: { store: Pick<Store, 'signalRecheckAfter'>; now: Date; wakeAt?: Date },
): WorkflowStep => {
  const recheckSeconds = recheckSecondsOf(store);
  const untilWake = wakeAt ? Math.ceil((wakeAt.getTime() - now.getTime()) / 1000) : recheckSeconds;
  return {
    outcome: progressOf(value) ?? 'pending',
    waitSeconds: Math.min(recheckSeconds, Math.max(1, untilWake)),
  };
};
