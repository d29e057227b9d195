import { firstResolvedAt, type Case, type CaseDeadlines, type Priority } from '../case.js';
import type { TimelineEvent } from '../timeline.js';
import { clockPausesFrom } from './clock-pauses.js';
import { milestoneDeadline, type SlaClock } from './sla-clock.js';
import { SLA_MILESTONES, slaTargetOf, type SlaMilestone, type SlaPolicy } from './sla-policy.js';

/**
 * A case's SLA, computed from the case, its timeline and the store's current SLA policy, never stored: so a due time is
 * always recomputable from the events, and a policy change applies to open cases at once.
 * - Both clocks start when the case becomes the team's work (`slaClocksStartAt`): at receipt (`createdAt`) when the
 *   store's policy approved it, which it does at once; at the supervisor's approval (`decision.decidedAt`) when it
 *   went through a manual review. The review is the supervisors' stage, with its own reminders; nobody can answer or
 *   resolve a case before it is approved, so a long review does not arrive at the agent already escalated to every
 *   level. The review's own duration stays on the timeline (`case_submitted` to the approving `decision_made`).
 * - First response: met by the first public reply by staff (`firstRespondedAt`; an internal note is not one), or by
 *   the resolution, which the customer is told of.
 * - Resolution: met by resolving the case; its clock stands still while the case awaits the customer.
 * - A cancelled case's pending milestones are void: nothing is owed any more.
 * - A case has no SLA before it is classified (no priority, so no target), nor unless it was approved.
 * - A reopened case starts a new round: its resolution clock starts again at the reopening (the targets apply anew);
 *   the first response stays met by the first round's reply or resolution.
 */

export type MilestoneStatus = 'running' | 'paused' | 'met' | 'void';

export interface MilestoneSla {
  milestone: SlaMilestone;
  /** The policy's business duration for the case's priority, e.g. `PT4H`. */
  target: string;
  status: MilestoneStatus;
  /** Absent while the clock is paused short of the target. */
  dueAt?: Date;
  /** When the milestone was met (`met` only). */
  metAt?: Date;
  /** Business time left at `now` (or when met or void), negative once overdue. */
  remainingSeconds: number;
  /** Business time the clock stood still. */
  pausedSeconds: number;
  /** The target was missed: met after its due time, or still open past it. */
  breached: boolean;
  clock: SlaClock;
}

export interface CaseSla {
  priority: Priority;
  milestones: Record<SlaMilestone, MilestoneSla>;
}

export interface CaseSlaInput {
  current: Case;
  timeline: readonly Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to'>[];
  policy: Pick<SlaPolicy, 'calendar' | 'targets'>;
  now: Date;
}

const dateOf = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

/** When the milestone was met, or undefined; and whether the case ended without meeting it. */
const endOf = (current: Case, milestone: SlaMilestone): { metAt?: Date; void: boolean } => {
  const resolvedAt = dateOf(current.resolution?.resolvedAt);
  const metAt =
    milestone === 'firstResponse' ? (dateOf(current.firstRespondedAt) ?? dateOf(firstResolvedAt(current))) : resolvedAt;
  if (metAt) return { metAt, void: false };
  // Only an approved case has an SLA, and a closed one was resolved first: cancellation is the one way to owe nothing.
  return { void: current.status === 'cancelled' };
};

/**
 * When both SLA clocks start: the supervisor's approval of a case that went through a manual review, otherwise its
 * receipt (the auto-review, `decidedBy: 'policy'`, decides as the case arrives).
 */
export const slaClocksStartAt = (current: Pick<Case, 'createdAt' | 'decision'>): Date => {
  const { decision } = current;
  const reviewed = decision?.outcome === 'approved' && decision.decidedBy !== 'policy';
  return new Date(reviewed && decision.decidedAt > current.createdAt ? decision.decidedAt : current.createdAt);
};

const voidAt = (current: Case, now: Date): Date => dateOf(current.cancellation?.cancelledAt) ?? now;

export const caseSla = ({ current, timeline, policy, now }: CaseSlaInput): CaseSla | undefined => {
  const priority = current.classification?.priority;
  if (!priority || current.decision?.outcome !== 'approved') return undefined;
  const pauses = clockPausesFrom(timeline);
  const workStartedAt = slaClocksStartAt(current);
  const milestoneOf = (milestone: SlaMilestone): MilestoneSla => {
    const clock: SlaClock = {
      startedAt: milestone === 'resolution' && current.reopenedAt ? new Date(current.reopenedAt) : workStartedAt,
      pauses: milestone === 'resolution' ? pauses : [],
    };
    const target = slaTargetOf(policy, priority, milestone);
    const end = endOf(current, milestone);
    const at = end.metAt ?? (end.void ? voidAt(current, now) : now);
    const deadline = milestoneDeadline(policy.calendar, clock, target, at);
    const status: MilestoneStatus = end.metAt ? 'met' : end.void ? 'void' : deadline.stopped ? 'paused' : 'running';
    return {
      milestone,
      target,
      status,
      ...(deadline.dueAt ? { dueAt: deadline.dueAt } : {}),
      ...(end.metAt ? { metAt: end.metAt } : {}),
      remainingSeconds: deadline.remainingSeconds,
      pausedSeconds: deadline.pausedSeconds,
      breached: deadline.dueAt !== undefined && (status === 'met' ? at > deadline.dueAt : at >= deadline.dueAt),
      clock,
    };
  };
  return {
    priority,
    milestones: { firstResponse: milestoneOf('firstResponse'), resolution: milestoneOf('resolution') },
  };
};

/** Milestones the team still owes: escalation runs on these. */
export const pendingMilestones = (sla: CaseSla): MilestoneSla[] =>
  SLA_MILESTONES.map((milestone) => sla.milestones[milestone]).filter(
    ({ status }) => status === 'running' || status === 'paused',
  );

/** The due times to keep on the case for the work queue's order (see `CaseDeadlines`). */
export const caseDeadlines = (sla: CaseSla | undefined): CaseDeadlines => {
  if (!sla) return {};
  const { firstResponse, resolution } = sla.milestones;
  const running = SLA_MILESTONES.map((milestone) => sla.milestones[milestone]).filter(
    (milestone) => milestone.status === 'running' && milestone.dueAt,
  );
  const nextDueAt = running.map(({ dueAt }) => dueAt as Date).sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    ...(firstResponse.dueAt ? { firstResponseDueAt: firstResponse.dueAt.toISOString() } : {}),
    ...(resolution.dueAt ? { resolutionDueAt: resolution.dueAt.toISOString() } : {}),
    ...(nextDueAt ? { nextDueAt: nextDueAt.toISOString() } : {}),
  };
};

export const sameDeadlines = (a: CaseDeadlines | undefined, b: CaseDeadlines): boolean =>
  (a?.firstResponseDueAt ?? null) === (b.firstResponseDueAt ?? null) &&
  (a?.resolutionDueAt ?? null) === (b.resolutionDueAt ?? null) &&
  (a?.nextDueAt ?? null) === (b.nextDueAt ?? null);

/** The due times to write on the case, or undefined when its stored copy says so already. */
export const movedDeadlines = (
  stored: CaseDeadlines | undefined,
  sla: CaseSla | undefined,
): CaseDeadlines | undefined => {
  const deadlines = caseDeadlines(sla);
  return sameDeadlines(stored, deadlines) ? undefined : deadlines;
};
