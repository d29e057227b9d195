import { describe, expect, it } from 'vitest';
import type { Case, CaseDeadlines } from '../../../../functions/domain/case.js';
import {
  caseDeadlines,
  caseSla,
  pendingMilestones,
  sameDeadlines,
  slaClocksStartAt,
  type CaseSla,
  type MilestoneSla,
  type MilestoneStatus,
} from '../../../../functions/domain/sla/case-sla.js';
import { DEFAULT_SLA_TARGETS, type SlaPolicy } from '../../../../functions/domain/sla/sla-policy.js';
import { ALWAYS_OPEN, HOUR, OFFICE, shanghai } from './calendars.js';
import { awaitingCustomer, cancelledAt, resolvedAt, slaCase, type StatusEvent } from './sla-cases.js';

// A P3 case received Friday 2026-11-27 17:00 in Shanghai. Under the default targets (first response PT4H, resolution
// P2D) on office hours (Mon-Fri 09:00-18:00) the first response is due Monday 12:00 (1 h on Friday, 3 h on Monday),
// the resolution Tuesday 17:00 (two working days later at the same clock time: 18 working hours).
const RECEIVED = shanghai('2026-11-27T17:00');
const FIRST_RESPONSE_SECONDS = 4 * HOUR;
const RESOLUTION_SECONDS = 18 * HOUR;

type SlaPolicyInput = Pick<SlaPolicy, 'calendar' | 'targets'>;
const OFFICE_POLICY: SlaPolicyInput = { calendar: OFFICE, targets: DEFAULT_SLA_TARGETS };
const ALWAYS_OPEN_POLICY: SlaPolicyInput = { calendar: ALWAYS_OPEN, targets: DEFAULT_SLA_TARGETS };
/** A store that promises more: an answer within the working hour and a solution the next working day. */
const FASTER_POLICY: SlaPolicyInput = {
  calendar: OFFICE,
  targets: { ...DEFAULT_SLA_TARGETS, P3: { firstResponse: 'PT1H', resolution: 'P1D' } },
};

interface Scenario {
  current?: Partial<Case>;
  timeline?: StatusEvent[];
  policy?: SlaPolicyInput;
  now: string;
}

const slaOf = ({ current = {}, timeline = [], policy = OFFICE_POLICY, now }: Scenario): CaseSla | undefined =>
  caseSla({ current: slaCase(RECEIVED, current), timeline, policy, now: shanghai(now) });

interface ExpectedMilestone {
  status: MilestoneStatus;
  dueAt?: string;
  metAt?: string;
  breached: boolean;
  remainingSeconds: number;
  pausedSeconds?: number;
}

const summaryOf = (milestone: MilestoneSla): ExpectedMilestone => ({
  status: milestone.status,
  ...(milestone.dueAt ? { dueAt: milestone.dueAt.toISOString() } : {}),
  ...(milestone.metAt ? { metAt: milestone.metAt.toISOString() } : {}),
  breached: milestone.breached,
  remainingSeconds: milestone.remainingSeconds,
  pausedSeconds: milestone.pausedSeconds,
});

/** The expectation, with local Shanghai times and no pause unless given. */
const expected = (
  status: MilestoneStatus,
  dueAt: string | undefined,
  rest: { metAt?: string; breached?: boolean; remainingSeconds: number; pausedSeconds?: number },
): ExpectedMilestone => ({
  status,
  ...(dueAt ? { dueAt: shanghai(dueAt).toISOString() } : {}),
  ...(rest.metAt ? { metAt: shanghai(rest.metAt).toISOString() } : {}),
  breached: rest.breached ?? false,
  remainingSeconds: rest.remainingSeconds,
  pausedSeconds: rest.pausedSeconds ?? 0,
});

const responded = (at: string, status: Case['status'] = 'in_progress'): Partial<Case> => ({
  status,
  firstRespondedAt: shanghai(at).toISOString(),
});

describe('Function: caseSla', () => {
  it.each<[string, Scenario, { firstResponse: ExpectedMilestone; resolution: ExpectedMilestone }]>([
    [
      'both clocks running from the creation when the case was just received',
      { now: '2026-11-27T17:00' },
      {
        firstResponse: expected('running', '2026-11-30T12:00', { remainingSeconds: FIRST_RESPONSE_SECONDS }),
        resolution: expected('running', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS }),
      },
    ],
    [
      'the first response met on time when the reply came before its due time',
      { current: responded('2026-11-30T11:00'), now: '2026-11-30T15:00' },
      {
        firstResponse: expected('met', '2026-11-30T12:00', { metAt: '2026-11-30T11:00', remainingSeconds: HOUR }),
        resolution: expected('running', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 7 * HOUR }),
      },
    ],
    [
      'the first response met on time when the reply came at its due instant',
      { current: responded('2026-11-30T12:00'), now: '2026-11-30T15:00' },
      {
        firstResponse: expected('met', '2026-11-30T12:00', { metAt: '2026-11-30T12:00', remainingSeconds: 0 }),
        resolution: expected('running', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 7 * HOUR }),
      },
    ],
    [
      'the first response met late (breached) when the reply came after its due time',
      { current: responded('2026-11-30T13:00'), now: '2026-11-30T15:00' },
      {
        firstResponse: expected('met', '2026-11-30T12:00', {
          metAt: '2026-11-30T13:00',
          breached: true,
          remainingSeconds: -HOUR,
        }),
        resolution: expected('running', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 7 * HOUR }),
      },
    ],
    [
      'the first response running and breached when nobody replied by its due time',
      { now: '2026-11-30T12:30' },
      {
        firstResponse: expected('running', '2026-11-30T12:00', { breached: true, remainingSeconds: -HOUR / 2 }),
        resolution: expected('running', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 4.5 * HOUR }),
      },
    ],
    [
      'the first response breached when it is still running at its due instant',
      { now: '2026-11-30T12:00' },
      {
        firstResponse: expected('running', '2026-11-30T12:00', { breached: true, remainingSeconds: 0 }),
        resolution: expected('running', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 4 * HOUR }),
      },
    ],
    [
      'both milestones met by the resolution when the case was resolved before any reply',
      { current: resolvedAt(shanghai('2026-11-30T10:00')), now: '2026-12-02T10:00' },
      {
        firstResponse: expected('met', '2026-11-30T12:00', { metAt: '2026-11-30T10:00', remainingSeconds: 2 * HOUR }),
        resolution: expected('met', '2026-12-01T17:00', {
          metAt: '2026-11-30T10:00',
          remainingSeconds: RESOLUTION_SECONDS - 2 * HOUR,
        }),
      },
    ],
    [
      'the resolution met late (breached) when the case was resolved after its due time',
      {
        current: {
          ...resolvedAt(shanghai('2026-12-02T10:00')),
          firstRespondedAt: shanghai('2026-11-30T11:00').toISOString(),
        },
        now: '2026-12-03T10:00',
      },
      {
        firstResponse: expected('met', '2026-11-30T12:00', { metAt: '2026-11-30T11:00', remainingSeconds: HOUR }),
        resolution: expected('met', '2026-12-01T17:00', {
          metAt: '2026-12-02T10:00',
          breached: true,
          remainingSeconds: -2 * HOUR,
        }),
      },
    ],
    [
      'both milestones void, measured at the cancellation, when the case was cancelled before they were due',
      { current: cancelledAt(shanghai('2026-11-30T10:00')), now: '2026-12-02T10:00' },
      {
        firstResponse: expected('void', '2026-11-30T12:00', { remainingSeconds: 2 * HOUR }),
        resolution: expected('void', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 2 * HOUR }),
      },
    ],
    [
      'a void first response still breached when the case was cancelled after it was due without a reply',
      { current: cancelledAt(shanghai('2026-11-30T13:00')), now: '2026-12-02T10:00' },
      {
        firstResponse: expected('void', '2026-11-30T12:00', { breached: true, remainingSeconds: -HOUR }),
        resolution: expected('void', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 5 * HOUR }),
      },
    ],
    [
      'only the resolution void when the case was cancelled after the first response',
      {
        current: {
          ...cancelledAt(shanghai('2026-11-30T13:00')),
          firstRespondedAt: shanghai('2026-11-30T11:00').toISOString(),
        },
        now: '2026-12-02T10:00',
      },
      {
        firstResponse: expected('met', '2026-11-30T12:00', { metAt: '2026-11-30T11:00', remainingSeconds: HOUR }),
        resolution: expected('void', '2026-12-01T17:00', { remainingSeconds: RESOLUTION_SECONDS - 5 * HOUR }),
      },
    ],
    [
      'the resolution paused without a due time while the case awaits the customer',
      {
        current: responded('2026-11-30T10:00', 'awaiting_customer'),
        timeline: awaitingCustomer(shanghai('2026-11-30T14:00')),
        now: '2026-11-30T16:00',
      },
      {
        firstResponse: expected('met', '2026-11-30T12:00', { metAt: '2026-11-30T10:00', remainingSeconds: 2 * HOUR }),
        resolution: expected('paused', undefined, {
          remainingSeconds: RESOLUTION_SECONDS - 6 * HOUR,
          pausedSeconds: 2 * HOUR,
        }),
      },
    ],
    [
      'the resolution due moved by the working time paused, and the first response due not, when a pause came first',
      {
        timeline: awaitingCustomer(shanghai('2026-11-30T09:00'), shanghai('2026-11-30T10:00')),
        now: '2026-11-30T11:00',
      },
      {
        firstResponse: expected('running', '2026-11-30T12:00', { remainingSeconds: HOUR }),
        resolution: expected('running', '2026-12-01T18:00', {
          remainingSeconds: RESOLUTION_SECONDS - 2 * HOUR,
          pausedSeconds: HOUR,
        }),
      },
    ],
    [
      'due times under the new targets when the store changed its policy',
      { policy: FASTER_POLICY, now: '2026-11-27T17:30' },
      {
        firstResponse: expected('running', '2026-11-27T18:00', { remainingSeconds: HOUR / 2 }),
        resolution: expected('running', '2026-11-30T17:00', { remainingSeconds: 9 * HOUR - HOUR / 2 }),
      },
    ],
    [
      'a met first response breached under the new targets, from the same events, when the store changed its policy',
      {
        current: responded('2026-11-30T10:00', 'awaiting_customer'),
        timeline: awaitingCustomer(shanghai('2026-11-30T14:00')),
        policy: FASTER_POLICY,
        now: '2026-11-30T16:00',
      },
      {
        firstResponse: expected('met', '2026-11-27T18:00', {
          metAt: '2026-11-30T10:00',
          breached: true,
          remainingSeconds: -HOUR,
        }),
        resolution: expected('paused', undefined, { remainingSeconds: 3 * HOUR, pausedSeconds: 2 * HOUR }),
      },
    ],
    [
      'elapsed-time due times over the weekend when the store is always open',
      { policy: ALWAYS_OPEN_POLICY, now: '2026-11-28T10:00' },
      {
        firstResponse: expected('running', '2026-11-27T21:00', { breached: true, remainingSeconds: -13 * HOUR }),
        resolution: expected('running', '2026-11-29T17:00', { remainingSeconds: 31 * HOUR }),
      },
    ],
    [
      'the resolution due moved by 20 s when the case awaited the customer 20 s on an always-open calendar',
      {
        current: responded('2026-11-27T17:00:05'),
        timeline: awaitingCustomer(shanghai('2026-11-27T17:00:10'), shanghai('2026-11-27T17:00:30')),
        policy: ALWAYS_OPEN_POLICY,
        now: '2026-11-27T17:01',
      },
      {
        firstResponse: expected('met', '2026-11-27T21:00', {
          metAt: '2026-11-27T17:00:05',
          remainingSeconds: 4 * HOUR - 5,
        }),
        resolution: expected('running', '2026-11-29T17:00:20', {
          remainingSeconds: 48 * HOUR - 60 + 20,
          pausedSeconds: 20,
        }),
      },
    ],
  ])('returns %s', (_name, scenario, { firstResponse, resolution }) => {
    // Act
    const sla = slaOf(scenario);

    // Assess
    expect(sla?.priority).toBe('P3');
    expect(sla && summaryOf(sla.milestones.firstResponse)).toEqual(firstResponse);
    expect(sla && summaryOf(sla.milestones.resolution)).toEqual(resolution);
  });

  it('returns a resolution due exactly as much later as the case awaited the customer on an always-open calendar', () => {
    // Prepare
    const base: Scenario = {
      current: responded('2026-11-27T17:00:05'),
      policy: ALWAYS_OPEN_POLICY,
      now: '2026-11-27T17:01',
    };
    const paused: Scenario = {
      ...base,
      timeline: awaitingCustomer(shanghai('2026-11-27T17:00:10'), shanghai('2026-11-27T17:00:30')),
    };

    // Act
    const withoutPause = slaOf(base)?.milestones.resolution.dueAt;
    const withPause = slaOf(paused)?.milestones.resolution.dueAt;

    // Assess
    expect(withoutPause).toBeDefined();
    expect((withPause?.getTime() ?? 0) - (withoutPause?.getTime() ?? 0)).toBe(20_000);
  });

  it.each<[string, Partial<Case>]>([
    ['the case is not classified yet', { classification: undefined }],
    ['the case is still in review', { status: 'pending_review', decision: undefined }],
    [
      'the case awaits a manual decision',
      {
        status: 'pending_review',
        decision: {
          outcome: 'manual_review',
          reasons: [],
          policyVersion: 1,
          decidedAt: RECEIVED.toISOString(),
          decidedBy: 'policy',
        },
      },
    ],
    [
      'the case was rejected',
      {
        status: 'rejected',
        decision: {
          outcome: 'rejected',
          reasons: [],
          policyVersion: 1,
          decidedAt: RECEIVED.toISOString(),
          decidedBy: 'policy',
        },
      },
    ],
  ])('returns no SLA when %s', (_name, current) => {
    // Act
    const sla = slaOf({ current, now: '2026-11-30T10:00' });

    // Assess
    expect(sla).toBeUndefined();
  });

  it('returns the clock of each milestone, with the pauses on the resolution clock only', () => {
    // Prepare
    const timeline = awaitingCustomer(shanghai('2026-11-30T09:00'), shanghai('2026-11-30T10:00'));

    // Act
    const sla = slaOf({ timeline, now: '2026-11-30T11:00' });

    // Assess
    expect(sla?.milestones.firstResponse.clock).toEqual({ startedAt: RECEIVED, pauses: [] });
    expect(sla?.milestones.resolution.clock).toEqual({
      startedAt: RECEIVED,
      pauses: [{ from: shanghai('2026-11-30T09:00'), to: shanghai('2026-11-30T10:00') }],
    });
    expect(sla?.milestones.resolution.target).toBe('P2D');
    expect(sla?.milestones.firstResponse.target).toBe('PT4H');
  });
});

describe('Function: pendingMilestones', () => {
  it.each<[string, Scenario, string[]]>([
    ['both milestones when both clocks run', { now: '2026-11-30T10:00' }, ['firstResponse', 'resolution']],
    ['both milestones when both are overdue', { now: '2026-12-02T10:00' }, ['firstResponse', 'resolution']],
    [
      'the paused resolution alone when the first response was met',
      {
        current: responded('2026-11-30T10:00', 'awaiting_customer'),
        timeline: awaitingCustomer(shanghai('2026-11-30T14:00')),
        now: '2026-11-30T16:00',
      },
      ['resolution'],
    ],
    [
      'nothing when the case was resolved',
      { current: resolvedAt(shanghai('2026-11-30T10:00')), now: '2026-11-30T11:00' },
      [],
    ],
    [
      'nothing when the case was cancelled',
      { current: cancelledAt(shanghai('2026-11-30T10:00')), now: '2026-11-30T11:00' },
      [],
    ],
  ])('returns %s', (_name, scenario, milestones) => {
    // Prepare
    const sla = slaOf(scenario);
    if (!sla) throw new Error('the scenario has an SLA');

    // Act
    const pending = pendingMilestones(sla);

    // Assess
    expect(pending.map(({ milestone }) => milestone)).toEqual(milestones);
  });
});

describe('Function: caseDeadlines', () => {
  const iso = (local: string): string => shanghai(local).toISOString();

  it.each<[string, Scenario | undefined, CaseDeadlines]>([
    ['nothing when the case has no SLA', undefined, {}],
    [
      'the first response as the next due time when both clocks run',
      { now: '2026-11-27T17:00' },
      {
        firstResponseDueAt: iso('2026-11-30T12:00'),
        resolutionDueAt: iso('2026-12-01T17:00'),
        nextDueAt: iso('2026-11-30T12:00'),
      },
    ],
    [
      'an overdue first response as the next due time when nobody replied',
      { now: '2026-11-30T15:00' },
      {
        firstResponseDueAt: iso('2026-11-30T12:00'),
        resolutionDueAt: iso('2026-12-01T17:00'),
        nextDueAt: iso('2026-11-30T12:00'),
      },
    ],
    [
      'the resolution as the next due time when the first response was met',
      { current: responded('2026-11-30T11:00'), now: '2026-11-30T15:00' },
      {
        firstResponseDueAt: iso('2026-11-30T12:00'),
        resolutionDueAt: iso('2026-12-01T17:00'),
        nextDueAt: iso('2026-12-01T17:00'),
      },
    ],
    [
      'the nearer resolution as the next due time when its target is shorter than the first response',
      {
        policy: {
          calendar: OFFICE,
          targets: { ...DEFAULT_SLA_TARGETS, P3: { firstResponse: 'P1D', resolution: 'PT2H' } },
        },
        now: '2026-11-27T17:00',
      },
      {
        firstResponseDueAt: iso('2026-11-30T17:00'),
        resolutionDueAt: iso('2026-11-30T10:00'),
        nextDueAt: iso('2026-11-30T10:00'),
      },
    ],
    [
      'no next due time and no resolution due time when the resolution is paused after the first response',
      {
        current: responded('2026-11-30T10:00', 'awaiting_customer'),
        timeline: awaitingCustomer(shanghai('2026-11-30T14:00')),
        now: '2026-11-30T16:00',
      },
      { firstResponseDueAt: iso('2026-11-30T12:00') },
    ],
    [
      'the due times but no next due time when the case was cancelled',
      { current: cancelledAt(shanghai('2026-11-30T10:00')), now: '2026-11-30T11:00' },
      { firstResponseDueAt: iso('2026-11-30T12:00'), resolutionDueAt: iso('2026-12-01T17:00') },
    ],
    [
      'the due times but no next due time when the case was resolved',
      { current: resolvedAt(shanghai('2026-11-30T10:00')), now: '2026-11-30T11:00' },
      { firstResponseDueAt: iso('2026-11-30T12:00'), resolutionDueAt: iso('2026-12-01T17:00') },
    ],
  ])('returns %s', (_name, scenario, deadlines) => {
    // Prepare
    const sla = scenario && slaOf(scenario);

    // Act
    const result = caseDeadlines(sla);

    // Assess
    expect(result).toEqual(deadlines);
  });
});

describe('Function: sameDeadlines', () => {
  const first = '2026-11-30T04:00:00.000Z';
  const second = '2026-12-01T09:00:00.000Z';
  const both: CaseDeadlines = { firstResponseDueAt: first, resolutionDueAt: second, nextDueAt: first };

  it.each<[string, CaseDeadlines | undefined, CaseDeadlines, boolean]>([
    ['true when the case never had deadlines and has none', undefined, {}, true],
    ['true when nothing changed', both, { ...both }, true],
    ['true when both are empty', {}, {}, true],
    ['false when the case had none and now has some', undefined, both, false],
    ['false when the first response due moved', both, { ...both, firstResponseDueAt: second }, false],
    ['false when the resolution due moved', both, { ...both, resolutionDueAt: first }, false],
    ['false when the next due time moved', both, { ...both, nextDueAt: second }, false],
    ['false when the next due time went away', both, { firstResponseDueAt: first, resolutionDueAt: second }, false],
    ['false when the resolution due time went away', both, { firstResponseDueAt: first, nextDueAt: first }, false],
  ])('returns %s', (_name, stored, computed, same) => {
    // Act
    const result = sameDeadlines(stored, computed);

    // Assess
    expect(result).toBe(same);
  });
});

describe('Function: slaClocksStartAt', () => {
  const decided = (decidedBy: string, at: string, outcome: 'approved' | 'rejected' = 'approved'): Partial<Case> => ({
    decision: { outcome, reasons: [], policyVersion: 1, decidedAt: shanghai(at).toISOString(), decidedBy },
  });

  it.each<[string, Partial<Case>, string]>([
    ['the receipt when the policy approved the case', decided('policy', '2026-11-27T17:00'), '2026-11-27T17:00'],
    [
      'the receipt when the policy took a moment to approve it',
      decided('policy', '2026-11-27T17:01'),
      '2026-11-27T17:00',
    ],
    [
      'the approval when a supervisor approved it after a review',
      decided('supervisor1', '2026-12-01T10:00'),
      '2026-12-01T10:00',
    ],
    [
      'the receipt when a decision claims a time before it',
      decided('supervisor1', '2026-11-27T16:00'),
      '2026-11-27T17:00',
    ],
    ['the receipt when the case has no decision', { decision: undefined }, '2026-11-27T17:00'],
  ])('returns %s', (_name, fields, startsAt) => {
    // Act
    const result = slaClocksStartAt(slaCase(RECEIVED, fields));

    // Assess
    expect(result.toISOString()).toBe(shanghai(startsAt).toISOString());
  });
});

describe('Function: caseSla after a manual review', () => {
  // Received Friday 17:00, in review until a supervisor approved it on Tuesday 10:00: the clocks start then.
  const approved: Partial<Case> = {
    decision: {
      outcome: 'approved',
      reasons: [],
      policyVersion: 1,
      decidedAt: shanghai('2026-12-01T10:00').toISOString(),
      decidedBy: 'supervisor1',
    },
  };

  it('returns due times counted from the approval, not the receipt, with nothing overdue at the approval', () => {
    // Act
    const sla = slaOf({ current: approved, now: '2026-12-01T10:00' });

    // Assess
    expect(sla && summaryOf(sla.milestones.firstResponse)).toEqual(
      expected('running', '2026-12-01T14:00', { remainingSeconds: FIRST_RESPONSE_SECONDS }),
    );
    expect(sla && summaryOf(sla.milestones.resolution)).toEqual(
      expected('running', '2026-12-03T10:00', { remainingSeconds: RESOLUTION_SECONDS }),
    );
    expect(sla?.milestones.firstResponse.clock.startedAt.toISOString()).toBe(
      shanghai('2026-12-01T10:00').toISOString(),
    );
  });

  it('returns the resolution counted from the reopening and the first response still from the approval', () => {
    // Act
    const sla = slaOf({
      current: {
        ...approved,
        ...responded('2026-12-01T11:00'),
        reopenedAt: shanghai('2026-12-07T09:00').toISOString(),
      },
      now: '2026-12-07T09:00',
    });

    // Assess
    expect(sla?.milestones.firstResponse.clock.startedAt.toISOString()).toBe(
      shanghai('2026-12-01T10:00').toISOString(),
    );
    expect(sla?.milestones.resolution.clock.startedAt.toISOString()).toBe(shanghai('2026-12-07T09:00').toISOString());
  });
});
