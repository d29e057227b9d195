import type { CaseEscalation, LadderProgress } from '../case.js';
import type { CaseSla, MilestoneSla } from './case-sla.js';
import { pendingMilestones } from './case-sla.js';
import { nextLadderStep, type LadderStep } from './escalation-ladder.js';
import type { SlaMilestone, SlaPolicy } from './sla-policy.js';

/**
 * What the escalation step must do now, and when it must look again: for every milestone still owed, the breach to
 * record once its due time has passed, then each ladder step whose time has come (warning, levels 1..max), in order.
 * A step's time is its `sendAt` (the next opening at or after its due time), so an escalation due at night waits
 * for the morning; the breach itself is recorded at its due time, whatever the hour.
 */
export type SlaAction =
  | { kind: 'breach'; milestone: SlaMilestone; dueAt: Date }
  | { kind: 'ladder'; milestone: SlaMilestone; step: LadderStep };

export interface EscalationPlan {
  due: SlaAction[];
  /** The next instant something falls due; absent when nothing will without a change to the case. */
  wakeAt?: Date;
  /** The escalation as it stands once `due` is taken. */
  escalation: CaseEscalation;
}

export const NO_ESCALATION: CaseEscalation = { level: 0, ladders: {}, breaches: [] };

export interface EscalationPlanInput {
  sla: CaseSla | undefined;
  escalation: CaseEscalation | undefined;
  policy: Pick<SlaPolicy, 'calendar' | 'targets' | 'escalation'>;
  assigned: boolean;
  now: Date;
}

/** More than the ladder's levels plus its warning: a guard, should a decision ever fail to advance. */
const MAX_STEPS_PER_MILESTONE = 8;

const earliest = (dates: Date[]): Date | undefined => dates.sort((a, b) => a.getTime() - b.getTime())[0];

const afterStep = (progress: LadderProgress, step: LadderStep): LadderProgress =>
  step.kind === 'warning' ? { ...progress, warned: true } : { ...progress, level: step.level };

export const planEscalation = ({ sla, escalation, policy, assigned, now }: EscalationPlanInput): EscalationPlan => {
  const taken = escalation ?? NO_ESCALATION;
  if (!sla) return { due: [], escalation: taken };
  const due: SlaAction[] = [];
  const wakes: Date[] = [];
  const ladders = { ...taken.ladders };
  const breaches = [...taken.breaches];

  const planMilestone = ({ milestone, dueAt, clock }: MilestoneSla): void => {
    if (dueAt && !breaches.some((breach) => breach.milestone === milestone)) {
      if (dueAt <= now) {
        due.push({ kind: 'breach', milestone, dueAt });
        breaches.push({ milestone, dueAt: dueAt.toISOString(), recordedAt: now.toISOString() });
      } else wakes.push(dueAt);
    }
    let reached = ladders[milestone] ?? { level: 0, warned: false };
    for (let steps = 0; steps < MAX_STEPS_PER_MILESTONE; steps += 1) {
      const decision = nextLadderStep({ policy, priority: sla.priority, milestone, clock, reached, assigned, now });
      if (decision.state !== 'scheduled') break;
      if (decision.step.sendAt > now) {
        wakes.push(decision.step.sendAt);
        break;
      }
      due.push({ kind: 'ladder', milestone, step: decision.step });
      reached = afterStep(reached, decision.step);
      ladders[milestone] = reached;
    }
  };
  pendingMilestones(sla).forEach(planMilestone);

  const level = Math.max(taken.level, ...Object.values(ladders).map((progress) => progress?.level ?? 0));
  const wakeAt = earliest(wakes);
  return { due, ...(wakeAt ? { wakeAt } : {}), escalation: { level, ladders, breaches } };
};
