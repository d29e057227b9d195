import type { Priority } from '../case-vocabulary.js';
import { DEFAULT_CALENDAR, type BusinessCalendar } from './business-calendar.js';

/**
 * A store's SLA policy, the body of `GET|PUT /v1/admin/sla`. Targets and escalation are business time on the store's
 * calendar (see business-duration.ts: a day is a working day); the survey durations are elapsed time, since they
 * concern the customer, who keeps no opening hours, and a link's expiry should not hang on holidays; `revisitAfter` is
 * business time, since the revisit is work in an agent's queue.
 */

export const SLA_MILESTONES = ['firstResponse', 'resolution'] as const;
export type SlaMilestone = (typeof SLA_MILESTONES)[number];

/** The promise per milestone, counted from when the case was received. */
export type SlaTarget = Record<SlaMilestone, string>;

/** 1 the agent (the supervisors while unassigned), 2 the supervisor and reassignment, 3 the store's admins. */
export const MAX_ESCALATION_LEVEL = 3;

export interface EscalationPolicy {
  /** Business time between one level and the next, from the breach (level 1) on. */
  repeatEvery: string;
  /** The last level the ladder climbs to, 1 to 3. */
  maxLevel: number;
  /** Warn the agent when this share of the target has run (0 < warnAt < 1); no warning when absent. */
  warnAt?: number;
}

export interface SlaPolicy {
  calendar: BusinessCalendar;
  targets: Record<Priority, SlaTarget>;
  escalation: EscalationPolicy;
  /** After resolution, before the survey email (elapsed time). */
  surveyDelay: string;
  /** After the survey email, before its one reminder (elapsed time). */
  surveyReminderAfter: string;
  /** After the survey email, when its link stops working (elapsed time). */
  surveyExpiresAfter: string;
  /** After resolution, when the follow-up task for the agent falls due (business time); zero: no revisits. */
  revisitAfter: string;
  /** How long the revisit task may wait for the agent before the supervisors are told, once (business time). */
  revisitAnswerWithin: string;
}

/** A store's SLA policy as stored: `version` 0 is the default of a store that never saved one, each save adds 1. */
export type StoreSlaPolicy = SlaPolicy & { version: number };

/**
 * The seeds' promise (first response within 4 working hours, a solution within 2 working days) for P2 and P3; P1
 * (critical and urgent, e.g. a safety hazard) gets an answer within the hour and a solution the next working day;
 * P4 (minor, not urgent) an answer within a working day and a solution within a working week.
 */
export const DEFAULT_SLA_TARGETS: Record<Priority, SlaTarget> = {
  P1: { firstResponse: 'PT1H', resolution: 'P1D' },
  P2: { firstResponse: 'PT4H', resolution: 'P2D' },
  P3: { firstResponse: 'PT4H', resolution: 'P2D' },
  P4: { firstResponse: 'P1D', resolution: 'P5D' },
};

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  calendar: DEFAULT_CALENDAR,
  targets: DEFAULT_SLA_TARGETS,
  escalation: { repeatEvery: 'PT2H', maxLevel: 3, warnAt: 0.75 },
  surveyDelay: 'PT0S',
  surveyReminderAfter: 'P3D',
  surveyExpiresAfter: 'P14D',
  revisitAfter: 'P7D',
  revisitAnswerWithin: 'P1D',
};

export const slaTargetOf = (policy: Pick<SlaPolicy, 'targets'>, priority: Priority, milestone: SlaMilestone): string =>
  policy.targets[priority][milestone];
