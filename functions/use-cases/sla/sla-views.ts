import type { Case } from '../../domain/case.js';
import type { CaseSla, MilestoneSla } from '../../domain/sla/case-sla.js';

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
  target: milestone.target,
  status: milestone.status,
  dueAt: isoOrNull(milestone.dueAt),
  metAt: isoOrNull(milestone.metAt),
  /** Business seconds left (negative: overdue), frozen once met or void. */
  remainingBusinessSeconds: Math.round(milestone.remainingSeconds),
  pausedBusinessSeconds: Math.round(milestone.pausedSeconds),
  breached: milestone.breached,
});

/** Staff's SLA view: due times, time left and paused (business time), the escalation level and every breach. */
export const staffSlaView = (current: Case, sla: CaseSla | undefined, timezone: string) => ({
  timezone,
  firstRespondedAt: current.firstRespondedAt ?? null,
  firstResponseDueAt: isoOrNull(sla?.milestones.firstResponse.dueAt),
  resolutionDueAt: isoOrNull(sla?.milestones.resolution.dueAt),
  escalationLevel: current.escalation?.level ?? 0,
  breaches: (current.escalation?.breaches ?? []).map((breach) => ({
    ...breach,
    metAt: isoOrNull(sla?.milestones[breach.milestone].metAt),
  })),
  milestones: sla
    ? {
        firstResponse: milestoneView(sla.milestones.firstResponse),
        resolution: milestoneView(sla.milestones.resolution),
      }
    : null,
});
