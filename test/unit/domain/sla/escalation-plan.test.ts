import { describe, expect, it } from 'vitest';
import type { Case, CaseEscalation, SlaBreach } from '../../../../functions/domain/case.js';
import { caseSla } from '../../../../functions/domain/sla/case-sla.js';
import { NO_ESCALATION, planEscalation, type SlaAction } from '../../../../functions/domain/sla/escalation-plan.js';
import {
  DEFAULT_SLA_POLICY,
  type EscalationPolicy,
  type SlaMilestone,
  type SlaPolicy,
  type SlaTarget,
} from '../../../../functions/domain/sla/sla-policy.js';
import { ALWAYS_OPEN, shanghai } from './calendars.js';
import { awaitingCustomer, cancelledAt, resolvedAt, slaCase, type StatusEvent } from './sla-cases.js';

type PlanPolicy = Pick<SlaPolicy, 'calendar' | 'targets' | 'escalation'>;

// A fast ladder on a 24x7 calendar, so seconds are business seconds: both targets PT5S, a level every PT5S up to 3.
// The case is received at T0 (t = 0); by default its first response was given at t = 1 s, so the resolution's ladder is
// the one climbing: warning at 3.75 s (when warnAt is 0.75), breach and level 1 at 5 s, level 2 at 10 s, level 3 at 15 s.
const T0 = shanghai('2026-11-27T17:00');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

const FIVE_SECONDS: SlaTarget = { firstResponse: 'PT5S', resolution: 'PT5S' };
const FAST_POLICY: PlanPolicy = {
  calendar: ALWAYS_OPEN,
  targets: { P1: FIVE_SECONDS, P2: FIVE_SECONDS, P3: FIVE_SECONDS, P4: FIVE_SECONDS },
  escalation: { repeatEvery: 'PT5S', maxLevel: 3 },
};

interface Scenario {
  /** Seconds after T0 of the first response; `null`: none yet. */
  respondedAt?: number | null;
  resolvedAt?: number;
  cancelledAt?: number;
  /** Stretches awaiting the customer, in seconds after T0; an open one when `to` is absent. */
  pauses?: Array<{ from: number; to?: number }>;
  escalation?: CaseEscalation;
  policy?: Partial<EscalationPolicy>;
  assigned?: boolean;
  now: number;
}

const caseOf = (scenario: Scenario): Case => {
  const respondedAt = scenario.respondedAt === undefined ? 1 : scenario.respondedAt;
  const awaiting = scenario.pauses?.some(({ to }) => to === undefined) ?? false;
  return slaCase(T0, {
    status: respondedAt === null ? 'assigned' : awaiting ? 'awaiting_customer' : 'in_progress',
    ...(respondedAt === null ? {} : { firstRespondedAt: at(respondedAt).toISOString() }),
    ...(scenario.resolvedAt === undefined ? {} : resolvedAt(at(scenario.resolvedAt))),
    ...(scenario.cancelledAt === undefined ? {} : cancelledAt(at(scenario.cancelledAt))),
  });
};

const timelineOf = (scenario: Scenario): StatusEvent[] =>
  (scenario.pauses ?? []).flatMap(({ from, to }) => awaitingCustomer(at(from), to === undefined ? undefined : at(to)));

const plan = (scenario: Scenario, basePolicy: PlanPolicy = FAST_POLICY) => {
  const policy = { ...basePolicy, escalation: { ...basePolicy.escalation, ...scenario.policy } };
  const now = at(scenario.now);
  const sla = caseSla({ current: caseOf(scenario), timeline: timelineOf(scenario), policy, now });
  return planEscalation({ sla, escalation: scenario.escalation, policy, assigned: scenario.assigned ?? true, now });
};

/**
 * An action as one line: `resolution breach`, `resolution warning -> assigned_agent`, `resolution L2 -> supervisors
 * (reassign)` (reassignment stays allowed from level 2 on, level 3 included).
 */
const labelOf = (action: SlaAction): string => {
  if (action.kind === 'breach') return `${action.milestone} breach`;
  const { step } = action;
  if (step.kind === 'warning') return `${action.milestone} warning -> ${step.notify}`;
  return `${action.milestone} L${step.level} -> ${step.notify}${step.reassignmentAllowed ? ' (reassign)' : ''}`;
};

const breachOf = (milestone: SlaMilestone, dueAt: Date, recordedAt = dueAt): SlaBreach => ({
  milestone,
  dueAt: dueAt.toISOString(),
  recordedAt: recordedAt.toISOString(),
});

/** The resolution's ladder taken up to `level`, its breach recorded at 5 s from level 1 on. */
const climbed = (level: number, warned = false): CaseEscalation => ({
  level,
  ladders: { resolution: { level, warned } },
  breaches: level >= 1 ? [breachOf('resolution', at(5))] : [],
});

describe('Function: planEscalation', () => {
  it.each<[string, Scenario, { due: string[]; wakeAt?: number; level: number }]>([
    [
      'nothing due and a wake at the breach when the case was just received',
      { now: 0 },
      { due: [], wakeAt: 5, level: 0 },
    ],
    [
      'nothing due and a wake at 75 % of the target when a warning is set',
      { now: 0, policy: { warnAt: 0.75 } },
      { due: [], wakeAt: 3.75, level: 0 },
    ],
    [
      'the warning to the assigned agent and a wake at the breach when 75 % of the target has run',
      { now: 3.75, policy: { warnAt: 0.75 } },
      { due: ['resolution warning -> assigned_agent'], wakeAt: 5, level: 0 },
    ],
    [
      'the warning to the supervisors when the case is unassigned',
      { now: 3.75, policy: { warnAt: 0.75 }, assigned: false },
      { due: ['resolution warning -> supervisors'], wakeAt: 5, level: 0 },
    ],
    [
      'no second warning when the warning went out',
      {
        now: 4,
        policy: { warnAt: 0.75 },
        escalation: { level: 0, ladders: { resolution: { level: 0, warned: true } }, breaches: [] },
      },
      { due: [], wakeAt: 5, level: 0 },
    ],
    [
      'the breach and level 1 to the assigned agent at the due time',
      { now: 5 },
      { due: ['resolution breach', 'resolution L1 -> assigned_agent'], wakeAt: 10, level: 1 },
    ],
    [
      'the breach and level 1 to the supervisors at the due time when the case is unassigned',
      { now: 5, assigned: false },
      { due: ['resolution breach', 'resolution L1 -> supervisors'], wakeAt: 10, level: 1 },
    ],
    [
      'the breach and level 1 without the warning when the warning was not sent before the breach was due',
      { now: 5, policy: { warnAt: 0.75 } },
      { due: ['resolution breach', 'resolution L1 -> assigned_agent'], wakeAt: 10, level: 1 },
    ],
    [
      'the breach and level 1 after a warning that went out',
      {
        now: 5,
        policy: { warnAt: 0.75 },
        escalation: { level: 0, ladders: { resolution: { level: 0, warned: true } }, breaches: [] },
      },
      { due: ['resolution breach', 'resolution L1 -> assigned_agent'], wakeAt: 10, level: 1 },
    ],
    [
      'level 1 alone when the breach was already recorded',
      { now: 5, escalation: { level: 0, ladders: {}, breaches: [breachOf('resolution', at(5))] } },
      { due: ['resolution L1 -> assigned_agent'], wakeAt: 10, level: 1 },
    ],
    [
      'nothing again and a wake at level 2 when level 1 was taken',
      { now: 7, escalation: climbed(1) },
      { due: [], wakeAt: 10, level: 1 },
    ],
    [
      'level 2 to the supervisors, reassignment allowed, repeatEvery after level 1',
      { now: 10, escalation: climbed(1) },
      { due: ['resolution L2 -> supervisors (reassign)'], wakeAt: 15, level: 2 },
    ],
    [
      'level 3 to the admins and no wake after the last level',
      { now: 15, escalation: climbed(2) },
      { due: ['resolution L3 -> admins (reassign)'], level: 3 },
    ],
    ['nothing and no wake when the ladder is complete', { now: 60, escalation: climbed(3) }, { due: [], level: 3 }],
    [
      'the breach and every level in order at once when the workflow runs late',
      { now: 60 },
      {
        due: [
          'resolution breach',
          'resolution L1 -> assigned_agent',
          'resolution L2 -> supervisors (reassign)',
          'resolution L3 -> admins (reassign)',
        ],
        level: 3,
      },
    ],
    [
      'the levels not yet taken, in order, when the workflow runs late after level 1',
      { now: 60, escalation: climbed(1) },
      { due: ['resolution L2 -> supervisors (reassign)', 'resolution L3 -> admins (reassign)'], level: 3 },
    ],
    [
      'no more than level 1 when maxLevel is 1',
      { now: 60, policy: { maxLevel: 1 } },
      { due: ['resolution breach', 'resolution L1 -> assigned_agent'], level: 1 },
    ],
    [
      'nothing and no wake after level 1 when maxLevel is 1',
      { now: 60, policy: { maxLevel: 1 }, escalation: climbed(1) },
      { due: [], level: 1 },
    ],
    [
      'no more than level 2 when maxLevel is 2',
      { now: 60, policy: { maxLevel: 2 } },
      {
        due: ['resolution breach', 'resolution L1 -> assigned_agent', 'resolution L2 -> supervisors (reassign)'],
        level: 2,
      },
    ],
    ['nothing and no wake when both milestones were met', { now: 60, resolvedAt: 3 }, { due: [], level: 0 }],
    ['nothing and no wake when the case was resolved late', { now: 60, resolvedAt: 7 }, { due: [], level: 0 }],
    ['nothing and no wake when the case was cancelled', { now: 60, cancelledAt: 3 }, { due: [], level: 0 }],
    [
      'nothing and no wake when the resolution clock stopped before the warning',
      { now: 60, pauses: [{ from: 2 }], policy: { warnAt: 0.75 } },
      { due: [], level: 0 },
    ],
    [
      'nothing and no wake when the resolution clock stopped before the breach',
      { now: 60, pauses: [{ from: 2 }] },
      { due: [], level: 0 },
    ],
    [
      'nothing new and no wake when the resolution clock stopped after level 1',
      { now: 60, pauses: [{ from: 7 }], escalation: climbed(1) },
      { due: [], level: 1 },
    ],
    [
      'the breach and level 1 but no wake when the clock stopped after the due time before the workflow ran',
      { now: 8, pauses: [{ from: 6 }] },
      { due: ['resolution breach', 'resolution L1 -> assigned_agent'], level: 1 },
    ],
    [
      'nothing and a wake moved by the pause when the case awaited the customer 20 s',
      { now: 20, pauses: [{ from: 2, to: 22 }] },
      { due: [], wakeAt: 25, level: 0 },
    ],
    [
      'the breach and level 1 at the due time moved by the pause',
      { now: 25, pauses: [{ from: 2, to: 22 }] },
      { due: ['resolution breach', 'resolution L1 -> assigned_agent'], wakeAt: 30, level: 1 },
    ],
    [
      'nothing and a wake at the first due time when both milestones run',
      { now: 0, respondedAt: null },
      { due: [], wakeAt: 5, level: 0 },
    ],
    [
      'each milestone breach and level 1, first response first, when both are overdue',
      { now: 5, respondedAt: null },
      {
        due: [
          'firstResponse breach',
          'firstResponse L1 -> assigned_agent',
          'resolution breach',
          'resolution L1 -> assigned_agent',
        ],
        wakeAt: 10,
        level: 1,
      },
    ],
  ])('returns %s', (_name, scenario, expected) => {
    // Act
    const result = plan(scenario);

    // Assess
    expect(result.due.map(labelOf)).toEqual(expected.due);
    expect(result.wakeAt).toEqual(expected.wakeAt === undefined ? undefined : at(expected.wakeAt));
    expect(result.escalation.level).toBe(expected.level);
  });

  it('returns every step with its due and send time, and the escalation after them, when the workflow runs late', () => {
    // Act
    const result = plan({ now: 60 });

    // Assess
    const step = (level: number, notify: string, dueAt: number) => ({
      kind: 'ladder',
      milestone: 'resolution',
      step: {
        kind: 'escalation',
        level,
        notify,
        breach: level === 1,
        reassignmentAllowed: level >= 2,
        dueAt: at(dueAt),
        sendAt: at(60),
      },
    });
    expect(result.due).toEqual([
      { kind: 'breach', milestone: 'resolution', dueAt: at(5) },
      step(1, 'assigned_agent', 5),
      step(2, 'supervisors', 10),
      step(3, 'admins', 15),
    ]);
    expect(result.escalation).toEqual({
      level: 3,
      ladders: { resolution: { level: 3, warned: false } },
      breaches: [breachOf('resolution', at(5), at(60))],
    });
  });

  it('returns the escalation with the warning noted and no level when only the warning is due', () => {
    // Act
    const result = plan({ now: 4, policy: { warnAt: 0.75 } });

    // Assess
    expect(result.escalation).toEqual({ level: 0, ladders: { resolution: { level: 0, warned: true } }, breaches: [] });
  });

  it('returns the escalation taken so far, keeping the other milestone, when something new is due', () => {
    // Prepare
    const escalation: CaseEscalation = {
      level: 3,
      ladders: { firstResponse: { level: 3, warned: true } },
      breaches: [breachOf('firstResponse', at(5))],
    };

    // Act
    const result = plan({ now: 25, respondedAt: 20, escalation });

    // Assess
    expect(result.due.map(labelOf)).toEqual([
      'resolution breach',
      'resolution L1 -> assigned_agent',
      'resolution L2 -> supervisors (reassign)',
      'resolution L3 -> admins (reassign)',
    ]);
    expect(result.escalation).toEqual({
      level: 3,
      ladders: { firstResponse: { level: 3, warned: true }, resolution: { level: 3, warned: false } },
      breaches: [breachOf('firstResponse', at(5)), breachOf('resolution', at(5), at(25))],
    });
  });

  it.each<[string, CaseEscalation | undefined, CaseEscalation]>([
    ['no escalation when the case never escalated', undefined, NO_ESCALATION],
    ['the escalation unchanged when the case escalated before', climbed(2), climbed(2)],
  ])('returns nothing due, no wake and %s when the case has no SLA', (_name, escalation, expected) => {
    // Act
    const result = planEscalation({ sla: undefined, escalation, policy: FAST_POLICY, assigned: true, now: at(60) });

    // Assess
    expect(result).toEqual({ due: [], escalation: expected });
  });
});

describe('Function: planEscalation (office hours)', () => {
  // The default policy (Shanghai, Mon-Fri 09:00-18:00, P3 first response PT4H, a level every PT2H, a warning at 75 %).
  // A case received Friday 2026-11-27 14:00 and not answered: the first response's warning is due Friday 17:00, its
  // breach at Friday's closing, 18:00; level 2 two working hours later, Monday 11:00. The resolution's warning (75 % of
  // 18 working hours) is not due before Tuesday 09:30.
  const received = shanghai('2026-11-27T14:00');
  const officePlan = (now: string, escalation?: CaseEscalation) => {
    const current = slaCase(received, { status: 'assigned' });
    const sla = caseSla({ current, timeline: [], policy: DEFAULT_SLA_POLICY, now: shanghai(now) });
    return planEscalation({ sla, escalation, policy: DEFAULT_SLA_POLICY, assigned: true, now: shanghai(now) });
  };
  const breachRecorded: CaseEscalation = {
    level: 0,
    ladders: { firstResponse: { level: 0, warned: true } },
    breaches: [breachOf('firstResponse', shanghai('2026-11-27T18:00'))],
  };

  it.each<[string, string, CaseEscalation | undefined, { due: string[]; wakeAt: string }]>([
    [
      'nothing and a wake at the warning during the working day',
      '2026-11-27T16:00',
      undefined,
      { due: [], wakeAt: '2026-11-27T17:00' },
    ],
    [
      'the warning and a wake at the breach at 75 % of the target',
      '2026-11-27T17:00',
      undefined,
      { due: ['firstResponse warning -> assigned_agent'], wakeAt: '2026-11-27T18:00' },
    ],
    [
      'the breach at once but level 1 waiting for Monday 09:00 when the target falls at Friday closing',
      '2026-11-27T18:00',
      { level: 0, ladders: { firstResponse: { level: 0, warned: true } }, breaches: [] },
      { due: ['firstResponse breach'], wakeAt: '2026-11-30T09:00' },
    ],
    [
      'the breach at once and level 1 waiting for Monday 09:00 when the workflow runs on Saturday night',
      '2026-11-28T23:00',
      undefined,
      { due: ['firstResponse breach'], wakeAt: '2026-11-30T09:00' },
    ],
    [
      'level 1 at the opening and a wake at level 2 two working hours after the breach',
      '2026-11-30T09:00',
      breachRecorded,
      { due: ['firstResponse L1 -> assigned_agent'], wakeAt: '2026-11-30T11:00' },
    ],
  ])('returns %s', (_name, now, escalation, expected) => {
    // Act
    const result = officePlan(now, escalation);

    // Assess
    expect(result.due.map(labelOf)).toEqual(expected.due);
    expect(result.wakeAt).toEqual(shanghai(expected.wakeAt));
  });

  it('returns the breach recorded with its due time at closing and the time the workflow saw it', () => {
    // Act
    const result = officePlan('2026-11-28T23:00');

    // Assess
    expect(result.due).toEqual([{ kind: 'breach', milestone: 'firstResponse', dueAt: shanghai('2026-11-27T18:00') }]);
    expect(result.escalation).toEqual({
      level: 0,
      ladders: {},
      breaches: [breachOf('firstResponse', shanghai('2026-11-27T18:00'), shanghai('2026-11-28T23:00'))],
    });
  });

  it('returns level 1 sent at the opening, due at the Friday closing', () => {
    // Act
    const result = officePlan('2026-11-30T09:00', breachRecorded);

    // Assess
    expect(result.due).toEqual([
      {
        kind: 'ladder',
        milestone: 'firstResponse',
        step: {
          kind: 'escalation',
          level: 1,
          notify: 'assigned_agent',
          breach: true,
          reassignmentAllowed: false,
          dueAt: shanghai('2026-11-27T18:00'),
          sendAt: shanghai('2026-11-30T09:00'),
        },
      },
    ]);
  });
});

describe('Function: planEscalation after a long manual review', () => {
  // Received at T0, in review for three days, approved by a supervisor at T0 + 3 days: under FAST_POLICY every level
  // would have been overdue for days had the clocks started at the receipt.
  const approvedAt = at(3 * 24 * 3600);
  const reviewed = slaCase(T0, {
    decision: {
      outcome: 'approved',
      reasons: [],
      policyVersion: 1,
      decidedAt: approvedAt.toISOString(),
      decidedBy: 'supervisor1',
    },
  });
  const planAt = (secondsAfterApproval: number, escalation?: CaseEscalation) => {
    const now = new Date(approvedAt.getTime() + secondsAfterApproval * 1000);
    const sla = caseSla({ current: reviewed, timeline: [], policy: FAST_POLICY, now });
    return planEscalation({ sla, escalation, policy: FAST_POLICY, assigned: true, now });
  };

  it('returns nothing due at the approval, and the first level as the next step, a target later', () => {
    // Act
    const result = planAt(1);

    // Assess
    expect(result.due).toEqual([]);
    expect(result.wakeAt?.toISOString()).toBe(new Date(approvedAt.getTime() + 5_000).toISOString());
  });

  it('returns one level at a time as the clocks run from the approval', () => {
    // Act
    const result = planAt(5);

    // Assess
    expect(result.due.map(labelOf)).toEqual([
      'firstResponse breach',
      'firstResponse L1 -> assigned_agent',
      'resolution breach',
      'resolution L1 -> assigned_agent',
    ]);
  });
});
