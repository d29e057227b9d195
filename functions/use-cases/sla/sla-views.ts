import type { Case } from '../../domain/case.js';
import type { CaseSla, MilestoneSla } from '../../domain/sla/case-sla.js';
import { SLA_MILESTONES } from '../../domain/sla/sla-policy.js';

const isoOrNull = (value: Date | undefined): string | null => value?.toISOString() ?? null;

/**
 * The customer's promise: when the first answer and the solution are due, in business time under the store's
 * calendar. While the case waits for the customer the solution's clock stands still, so its due time is `null` and
 * `resolutionPaused` says why. `null` altogether before the case is classified (no priority, no promise yet).
 */
export const customerSlaView = (sla: CaseSla | undefined) =>
  sla
    ? {
        firstResponseDueAt: isoOrNull(sla.milestones.firstResponse.dueAt),
        resolutionDueAt: isoOrNull(sla.milestones.resolution.dueAt),
        resolutionPaused: sla.milestones.resolution.status === 'paused',
      }
    : null;

const milestoneView = (milestone: MilestoneSla) => ({
  /** When the clock started: receipt, a manual review's approval, or (resolution) the latest reopening. */
  startedAt: milestone.clock.startedAt.toISOString(),
  target: milestone.target,
  status: milestone.status,
  dueAt: isoOrNull(milestone.dueAt),
  metAt: isoOrNull(milestone.metAt),
  /** Business seconds left (negative: overdue), frozen once met or void. */
  remainingBusinessSeconds: Math.round(milestone.remainingSeconds),
  pausedBusinessSeconds: Math.round(milestone.pausedSeconds),
  breached: milestone.breached,
});

/**
 * Every missed target: those the escalation step recorded, and those missed in a way it never saw (met late in the
 * same second its timer fired, or a due time a policy change moved into the past), with `recordedAt` null.
 */
const breachesOf = (current: Case, sla: CaseSla | undefined) => {
  const recorded = current.escalation?.breaches ?? [];
  const unrecorded = SLA_MILESTONES.map((milestone) => sla?.milestones[milestone])
    .filter((milestone): milestone is MilestoneSla => milestone?.breached === true && milestone.dueAt !== undefined)
    .filter(({ milestone }) => !recorded.some((breach) => breach.milestone === milestone))
    .map(({ milestone, dueAt }) => ({ milestone, dueAt: isoOrNull(dueAt), recordedAt: null }));
  return [...recorded, ...unrecorded].map((breach) => ({
    ...breach,
    metAt: isoOrNull(sla?.milestones[breach.milestone].metAt),
  }));
};

/** Staff's SLA view: due times, time left and paused (business time), the escalation level and every breach. */
export const staffSlaView = (current: Case, sla: CaseSla | undefined, timezone: string) => ({
  timezone,
  firstRespondedAt: current.firstRespondedAt ?? null,
  firstResponseDueAt: isoOrNull(sla?.milestones.firstResponse.dueAt),
  resolutionDueAt: isoOrNull(sla?.milestones.resolution.dueAt),
  escalationLevel: current.escalation?.level ?? 0,
  breaches: breachesOf(current, sla),
  milestones: sla
    ? {
        firstResponse: milestoneView(sla.milestones.firstResponse),
        resolution: milestoneView(sla.milestones.resolution),
      }
    : null,
});
