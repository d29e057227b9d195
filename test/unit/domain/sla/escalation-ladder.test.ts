import { describe, expect, it } from 'vitest';
import type { Priority } from '../../../../functions/domain/case.js';
import {
  nextLadderStep,
  type LadderDecision,
  type LadderInput,
  type LadderRecipients,
} from '../../../../functions/domain/sla/escalation-ladder.js';
import type { ClockPause } from '../../../../functions/domain/sla/sla-clock.js';
import {
  DEFAULT_SLA_POLICY,
  type EscalationPolicy,
  type SlaMilestone,
} from '../../../../functions/domain/sla/sla-policy.js';
import { ALWAYS_OPEN, shanghai } from './calendars.js';

// Default policy: office hours in Shanghai, P3 first response PT4H and resolution P2D, a level every PT2H up to 3,
// a warning at 75 %. The case was received Monday 2026-11-23 09:00.
interface Scenario {
  priority?: Priority;
  milestone?: SlaMilestone;
  startedAt?: string;
  pauses?: ClockPause[];
  level?: number;
  warned?: boolean;
  assigned?: boolean;
  now?: string;
  escalation?: Partial<EscalationPolicy>;
}

const decide = (scenario: Scenario): LadderDecision => {
  const input: LadderInput = {
    policy: { ...DEFAULT_SLA_POLICY, escalation: { ...DEFAULT_SLA_POLICY.escalation, ...scenario.escalation } },
    priority: scenario.priority ?? 'P3',
    milestone: scenario.milestone ?? 'firstResponse',
    clock: { startedAt: shanghai(scenario.startedAt ?? '2026-11-23T09:00'), pauses: scenario.pauses ?? [] },
    reached: { level: scenario.level ?? 0, warned: scenario.warned ?? false },
    assigned: scenario.assigned ?? true,
    now: shanghai(scenario.now ?? '2026-11-23T09:00'),
  };
  return nextLadderStep(input);
};

const warning = (notify: LadderRecipients, dueAt: string, sendAt = dueAt): LadderDecision => ({
  state: 'scheduled',
  step: { kind: 'warning', notify, dueAt: shanghai(dueAt), sendAt: shanghai(sendAt) },
});

const escalation = (level: number, notify: LadderRecipients, dueAt: string, sendAt = dueAt): LadderDecision => ({
  state: 'scheduled',
  step: {
    kind: 'escalation',
    level,
    notify,
    breach: level === 1,
    reassignmentAllowed: level >= 2,
    dueAt: shanghai(dueAt),
    sendAt: shanghai(sendAt),
  },
});

describe('Function: nextLadderStep', () => {
  it.each<[string, Scenario, LadderDecision]>([
    ['the warning at 75 % of PT4H', {}, warning('assigned_agent', '2026-11-23T12:00')],
    ['level 1 (the breach) after the warning', { warned: true }, escalation(1, 'assigned_agent', '2026-11-23T13:00')],
    [
      'level 2 to the supervisors, reassignment allowed',
      { level: 1 },
      escalation(2, 'supervisors', '2026-11-23T15:00'),
    ],
    ['level 3 to the admins', { level: 2 }, escalation(3, 'admins', '2026-11-23T17:00')],
    ['nothing after level 3', { level: 3 }, { state: 'complete' }],
    [
      'the warning to the supervisors while unassigned',
      { assigned: false },
      warning('supervisors', '2026-11-23T12:00'),
    ],
    [
      'level 1 to the supervisors while unassigned',
      { assigned: false, warned: true },
      escalation(1, 'supervisors', '2026-11-23T13:00'),
    ],
    ['level 2 unassigned', { assigned: false, level: 1 }, escalation(2, 'supervisors', '2026-11-23T15:00')],
    [
      'no warning when warnAt is absent',
      { escalation: { warnAt: undefined } },
      escalation(1, 'assigned_agent', '2026-11-23T13:00'),
    ],
    [
      'no warning once the breach is due',
      { now: '2026-11-23T13:00' },
      escalation(1, 'assigned_agent', '2026-11-23T13:00'),
    ],
    [
      'an overdue warning before the breach is due now',
      { now: '2026-11-23T12:30' },
      warning('assigned_agent', '2026-11-23T12:00', '2026-11-23T12:30'),
    ],
    ['maxLevel 2 ends after level 2', { level: 2, escalation: { maxLevel: 2 } }, { state: 'complete' }],
    ['maxLevel 1 ends after the breach', { level: 1, escalation: { maxLevel: 1 } }, { state: 'complete' }],
    [
      'a level overdue (workflow late) is due now, emailed now',
      { level: 1, now: '2026-11-24T10:00' },
      escalation(2, 'supervisors', '2026-11-23T15:00', '2026-11-24T10:00'),
    ],
    [
      'an overdue level found at night is emailed at the next opening',
      { level: 1, now: '2026-11-23T22:00' },
      escalation(2, 'supervisors', '2026-11-23T15:00', '2026-11-24T09:00'),
    ],
    [
      'a breach at closing is emailed at the next opening',
      { startedAt: '2026-11-23T14:00', warned: true },
      escalation(1, 'assigned_agent', '2026-11-23T18:00', '2026-11-24T09:00'),
    ],
    [
      'levels after a breach at closing fall the next morning',
      { startedAt: '2026-11-23T14:00', level: 1 },
      escalation(2, 'supervisors', '2026-11-24T11:00'),
    ],
    ['a warning over the night', { startedAt: '2026-11-23T16:00' }, warning('assigned_agent', '2026-11-24T10:00')],
    [
      'a Friday-night case: warning Monday 12:00',
      { startedAt: '2026-11-20T20:00', now: '2026-11-20T20:00' },
      warning('assigned_agent', '2026-11-23T12:00'),
    ],
    ['P1: warned after 45 minutes', { priority: 'P1' }, warning('assigned_agent', '2026-11-23T09:45')],
    [
      'P1: breached after an hour',
      { priority: 'P1', warned: true },
      escalation(1, 'assigned_agent', '2026-11-23T10:00'),
    ],
    [
      'resolution P2D: breach Tuesday 18:00',
      { milestone: 'resolution', warned: true },
      escalation(1, 'assigned_agent', '2026-11-24T18:00', '2026-11-25T09:00'),
    ],
    [
      'resolution: a pause moves the breach',
      {
        milestone: 'resolution',
        warned: true,
        pauses: [{ from: shanghai('2026-11-23T10:00'), to: shanghai('2026-11-23T12:00') }],
      },
      escalation(1, 'assigned_agent', '2026-11-25T11:00'),
    ],
    [
      'resolution: a pause moves the levels after it',
      {
        milestone: 'resolution',
        level: 1,
        now: '2026-11-25T09:30',
        pauses: [{ from: shanghai('2026-11-25T09:00'), to: shanghai('2026-11-25T10:00') }],
      },
      escalation(2, 'supervisors', '2026-11-25T12:00'),
    ],
    [
      'resolution: an open pause stops the ladder',
      { milestone: 'resolution', warned: true, pauses: [{ from: shanghai('2026-11-23T10:00') }] },
      { state: 'clock_stopped' },
    ],
    [
      'resolution: an open pause before the warning stops it too',
      { milestone: 'resolution', pauses: [{ from: shanghai('2026-11-23T10:00') }] },
      { state: 'clock_stopped' },
    ],
    [
      'resolution: an open pause after the breach stops the next level',
      { milestone: 'resolution', level: 1, now: '2026-11-25T10:00', pauses: [{ from: shanghai('2026-11-25T09:30') }] },
      { state: 'clock_stopped' },
    ],
    [
      'a repeat in working days',
      { level: 1, escalation: { repeatEvery: 'P1D' } },
      escalation(2, 'supervisors', '2026-11-24T13:00'),
    ],
  ])('schedules %s', (_label, scenario, expected) => {
    // Act
    const decision = decide(scenario);

    // Assess
    expect(decision).toEqual(expected);
  });

  it('climbs a 24x7 ladder of PT5S steps in seconds, each emailed when due', () => {
    // Prepare
    const startedAt = new Date('2026-11-22T03:00:00Z');
    const policy = {
      calendar: ALWAYS_OPEN,
      targets: { ...DEFAULT_SLA_POLICY.targets, P3: { firstResponse: 'PT5S', resolution: 'PT5S' } },
      escalation: { repeatEvery: 'PT5S', maxLevel: 3 },
    };
    const stepAt = (level: number) =>
      nextLadderStep({
        policy,
        priority: 'P3',
        milestone: 'firstResponse',
        clock: { startedAt, pauses: [] },
        reached: { level, warned: false },
        assigned: true,
        now: startedAt,
      });

    // Act
    const steps = [0, 1, 2, 3].map(stepAt);

    // Assess
    expect(
      steps.map((decision) => (decision.state === 'scheduled' ? decision.step.sendAt.toISOString() : decision.state)),
    ).toEqual(['2026-11-22T03:00:05.000Z', '2026-11-22T03:00:10.000Z', '2026-11-22T03:00:15.000Z', 'complete']);
  });
});
