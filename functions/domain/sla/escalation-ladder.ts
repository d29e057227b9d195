import type { Priority } from '../case.js';
import { addBusinessDuration } from './business-duration.js';
import { businessSecondsBetween, nextOpening } from './business-time.js';
import { clockReachesAt, type SlaClock } from './sla-clock.js';
import { MAX_ESCALATION_LEVEL, slaTargetOf, type SlaMilestone, type SlaPolicy } from './sla-policy.js';

/**
 * The wait-and-escalate ladder of one milestone, decided from facts alone: where the clock stands and which step was
 * taken last. Step by step:
 * - warning (optional, at `warnAt` of the target): the assigned agent, or the supervisors while unassigned;
 * - level 1, at the target (the breach): the assigned agent, or the supervisors while unassigned;
 * - level 2, `repeatEvery` later: the supervisors, and reassignment to an available agent is allowed;
 * - level 3, `repeatEvery` after that: the store's admins.
 * Every step's time is on the milestone's clock, so pausing moves the steps still ahead (the resolution clock stands
 * still while the customer has to answer). A step overdue is due at once, and steps come one at a time, so a late
 * workflow still tells every level in order; the warning alone is dropped once the breach is due (it would be news
 * too late). Emails go out in working hours only: `sendAt` is the next opening.
 */

export type LadderRecipients = 'assigned_agent' | 'supervisors' | 'admins';

export type LadderStep =
  | { kind: 'warning'; notify: LadderRecipients; dueAt: Date; sendAt: Date }
  | {
      kind: 'escalation';
      level: number;
      notify: LadderRecipients;
      /** Level 1: the target is missed now; record the breach (due time and when it was missed). */
      breach: boolean;
      reassignmentAllowed: boolean;
      dueAt: Date;
      sendAt: Date;
    };

export type LadderDecision =
  /** The next step and when; `dueAt` at or before `now` means take it now. */
  | { state: 'scheduled'; step: LadderStep }
  /** The clock is stopped short of the next step: nothing is due until it runs again. */
  | { state: 'clock_stopped' }
  /** The last level was reached: nothing more to escalate. */
  | { state: 'complete' };

export interface LadderInput {
  policy: Pick<SlaPolicy, 'calendar' | 'targets' | 'escalation'>;
  priority: Priority;
  milestone: SlaMilestone;
  clock: SlaClock;
  /** The last level taken (0: none yet) and whether the warning went out. */
  reached: { level: number; warned: boolean };
  assigned: boolean;
  now: Date;
}

/** Business seconds of the clock at which `level` falls due: the target, then `repeatEvery` after each level. */
const levelClockSeconds = (input: LadderInput, level: number): number => {
  const { calendar, escalation } = input.policy;
  let due = addBusinessDuration(
    calendar,
    input.clock.startedAt,
    slaTargetOf(input.policy, input.priority, input.milestone),
  );
  for (let next = 2; next <= level; next += 1) due = addBusinessDuration(calendar, due, escalation.repeatEvery);
  return businessSecondsBetween(calendar, input.clock.startedAt, due);
};

const recipientsAt = (level: number, assigned: boolean): LadderRecipients => {
  if (level <= 1) return assigned ? 'assigned_agent' : 'supervisors';
  return level === 2 ? 'supervisors' : 'admins';
};

export const nextLadderStep = (input: LadderInput): LadderDecision => {
  const { calendar, escalation } = input.policy;
  const maxLevel = Math.min(MAX_ESCALATION_LEVEL, escalation.maxLevel);
  if (input.reached.level >= maxLevel) return { state: 'complete' };
  const sendAt = (dueAt: Date): Date => nextOpening(calendar, dueAt > input.now ? dueAt : input.now);

  if (input.reached.level === 0 && !input.reached.warned && escalation.warnAt !== undefined) {
    const breachSeconds = levelClockSeconds(input, 1);
    const warningDue = clockReachesAt(calendar, input.clock, breachSeconds * escalation.warnAt);
    if (!warningDue) return { state: 'clock_stopped' };
    const breachDue = clockReachesAt(calendar, input.clock, breachSeconds);
    if (!breachDue || input.now < breachDue) {
      const notify = recipientsAt(1, input.assigned);
      return { state: 'scheduled', step: { kind: 'warning', notify, dueAt: warningDue, sendAt: sendAt(warningDue) } };
    }
  }

  const level = input.reached.level + 1;
  const dueAt = clockReachesAt(calendar, input.clock, levelClockSeconds(input, level));
  if (!dueAt) return { state: 'clock_stopped' };
  return {
    state: 'scheduled',
    step: {
      kind: 'escalation',
      level,
      notify: recipientsAt(level, input.assigned),
      breach: level === 1,
      reassignmentAllowed: level >= 2,
      dueAt,
      sendAt: sendAt(dueAt),
    },
  };
};
