import {
  CASE_TYPES,
  CHANNELS,
  ROOT_CAUSES,
  RESOLUTION_TYPES,
  type Case,
  type CaseRound,
  type CaseStatus,
  type Priority,
  type Resolution,
  newCaseId,
} from '../../../functions/domain/case.js';
import type { CaseSurvey, SurveyAttribution, SurveyRatings } from '../../../functions/domain/aftercare/survey.js';
import type { BusinessCalendar } from '../../../functions/domain/sla/business-calendar.js';
import type { Actor, TimelineEvent, TimelineEventType } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseChange } from '../../../functions/ports/case-store.js';
import { returnRequest } from '../../support/case-requests.js';

/**
 * A seeded, deterministic dataset of cases for the KPI tests: each case is its intake (`create`) and the changes the
 * use cases would write after it (review, classification, assignment, replies, pauses, escalations, breaches,
 * resolutions, surveys, reopenings, revisits, closing, cancellation), with their timeline events. Applied through the
 * counting case store, so the counters move only as production moves them.
 *
 * The store is in Europe/Berlin (DST on 2026-03-29) and its SLA calendar has a lunch break, Saturday mornings,
 * Easter and May holidays and one make-up Sunday; the cases cluster around those days, local midnights, and week,
 * month and quarter ends, besides a uniform spread over 2026-01-01..2026-06-30.
 */

export const DATASET_TIMEZONE = 'Europe/Berlin';
export const DATASET_FROM = '2026-01-01';
export const DATASET_TO = '2026-06-30';

const WEEKDAY_HOURS = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

export const DATASET_CALENDAR: BusinessCalendar = {
  timezone: DATASET_TIMEZONE,
  weekly: {
    monday: WEEKDAY_HOURS,
    tuesday: WEEKDAY_HOURS,
    wednesday: WEEKDAY_HOURS,
    thursday: WEEKDAY_HOURS,
    friday: WEEKDAY_HOURS,
    saturday: [{ start: '09:00', end: '13:00' }],
  },
  // Good Friday, Easter Monday, Labour Day, Ascension, Whit Monday.
  holidays: ['2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25'],
  makeUpDays: ['2026-05-17'],
};

export interface ScriptedCase {
  initial: Case;
  firstEvent: TimelineEvent;
  changes: CaseChange[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, deterministic. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Instants where periods, days or the calendar change, in UTC: Berlin midnights of boundaries, DST, holidays. */
const HOT_SPOTS = [
  '2025-12-31T23:00:00Z', // Berlin midnight into 2026 (W01 started on Monday 2025-12-29)
  '2026-01-31T23:00:00Z',
  '2026-03-01T00:00:00Z', // Sunday, end of W09 and February
  '2026-03-29T00:00:00Z', // DST: 02:00 CET -> 03:00 CEST
  '2026-03-27T15:00:00Z', // the Friday afternoon before DST
  '2026-03-31T22:00:00Z', // Berlin midnight into Q2
  '2026-04-02T14:00:00Z', // Maundy Thursday afternoon, before Easter holidays
  '2026-04-30T14:00:00Z',
  '2026-05-13T14:00:00Z',
  '2026-05-16T10:00:00Z', // the Saturday before the make-up Sunday
  '2026-05-22T14:00:00Z',
  '2026-05-31T22:00:00Z',
  '2026-06-28T21:30:00Z', // the last Sunday night of the range
  '2026-06-30T21:00:00Z',
].map((iso) => Date.parse(iso));

const RANGE_START = Date.parse('2025-12-28T00:00:00Z');
const RANGE_END = Date.parse('2026-06-30T21:50:00Z');

export const DATASET_AGENTS = Array.from({ length: 12 }, (_, index) => `agent${index + 1}`);

interface Generator {
  random: () => number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Whole minutes between `min` and `max` minutes, skewed towards short. */
  minutes(min: number, max: number): number;
}

const generatorOf = (random: () => number): Generator => ({
  random,
  pick: <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T,
  chance: (probability) => random() < probability,
  minutes: (min, max) => min + Math.floor(random() ** 2 * (max - min + 1)),
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** One case's script; `index` makes its ids and numbers unique. */
const scriptCase = (g: Generator, storeId: string, index: number): ScriptedCase => {
  // Receipt: a minute near a hot spot for one case in five, otherwise anywhere in the range.
  const t0 = g.chance(0.2)
    ? g.pick(HOT_SPOTS) + (g.minutes(0, 36 * 60) - 18 * 60) * MINUTE * (g.chance(0.5) ? 1 : -1)
    : RANGE_START + Math.floor(g.random() * ((RANGE_END - RANGE_START) / MINUTE)) * MINUTE;
  const createdAt = Math.min(Math.max(t0, RANGE_START), RANGE_END);
  const caseId = newCaseId(new Date(createdAt));
  const type = g.pick(CASE_TYPES);
  const channel = g.pick(CHANNELS);
  const priority = g.pick<Priority>(['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4']);
  let current: Case = {
    ...returnRequest(),
    type,
    channel,
    attachments: [],
    caseId,
    caseNumber: `KP-${index}`,
    storeId,
    status: 'submitted',
    createdAt: iso(createdAt),
    updatedAt: iso(createdAt),
  };
  const initial = current;
  const firstEvent = timelineEvent(caseId, new Date(createdAt), 'case_submitted', {
    kind: 'customer',
    id: current.customer.id,
  });
  const changes: CaseChange[] = [];
  const staff = (id: string): Actor => ({ kind: 'staff', id });
  const SYSTEM_ACTOR: Actor = { kind: 'system' };
  let t = createdAt;
  const event = (
    type: TimelineEventType,
    actor: Actor,
    fields: Partial<Pick<TimelineEvent, 'visibility' | 'from' | 'to' | 'details'>> = {},
  ) => timelineEvent(caseId, new Date(t), type, actor, fields);
  const apply = (change: Omit<CaseChange, 'set'> & { set?: CaseChange['set'] }) => {
    const set = { ...change.set, updatedAt: iso(t) };
    changes.push({ ...change, set });
    const next: Case = { ...current, ...set };
    for (const field of change.remove ?? []) delete (next as Partial<Case>)[field];
    current = next;
  };
  const moveTo = (
    status: CaseStatus,
    type: TimelineEventType,
    actor: Actor,
    extra: Partial<CaseChange> & { details?: Record<string, unknown> } = {},
  ) => {
    const { details, ...change } = extra;
    apply({
      ...change,
      set: { status, ...change.set },
      events: [
        event(type, actor, { from: current.status, to: status, ...(details ? { details } : {}) }),
        ...(change.events ?? []),
      ],
    });
  };

  // Review: policy decisions at once; about one case in eight through a supervisor's review; some rejected.
  const manualReview = g.chance(0.12);
  if (manualReview) {
    apply({
      set: {
        status: 'pending_review',
        decision: { outcome: 'manual_review', reasons: [], policyVersion: 1, decidedAt: iso(t), decidedBy: 'policy' },
      },
      events: [
        event('decision_made', SYSTEM_ACTOR, {
          from: 'submitted',
          to: 'pending_review',
          details: { outcome: 'manual_review' },
        }),
      ],
    });
    t += g.minutes(10, 4 * 24 * 60) * MINUTE;
    if (g.chance(0.05)) {
      moveTo(
        'cancelled',
        'cancelled',
        { kind: 'customer', id: current.customer.id },
        {
          set: { cancellation: { reason: 'changed my mind', cancelledAt: iso(t), cancelledBy: 'customer' } },
        },
      );
      return { initial, firstEvent, changes };
    }
  }
  const rejected = g.chance(0.07);
  const decidedBy = manualReview ? 'supervisor1' : 'policy';
  const decider = manualReview ? staff('supervisor1') : SYSTEM_ACTOR;
  if (rejected) {
    apply({
      set: {
        status: 'rejected',
        decision: { outcome: 'rejected', reasons: [], policyVersion: 1, decidedAt: iso(t), decidedBy },
      },
      events: [
        event('decision_made', decider, { from: current.status, to: 'rejected', details: { outcome: 'rejected' } }),
      ],
    });
    return { initial, firstEvent, changes };
  }
  apply({
    set: {
      status: 'open',
      decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: iso(t), decidedBy },
      classification: {
        severity: 'major',
        urgency: 'high',
        priority,
        severityRule: 'type_default',
        urgencyRule: 'type_default',
        classifiedAt: iso(t),
        classifiedBy: 'rules',
      },
    },
    events: [
      event('decision_made', decider, { from: current.status, to: 'open', details: { outcome: 'approved' } }),
      event('classified', SYSTEM_ACTOR, { visibility: 'internal', details: { priority } }),
    ],
  });

  const customer: Actor = { kind: 'customer', id: current.customer.id };
  const cancelled = g.chance(0.05);
  const unassigned = g.chance(0.08);
  const agentId = g.pick(DATASET_AGENTS);
  if (!unassigned) {
    t += g.minutes(1, 180) * MINUTE;
    apply({
      set: {
        status: 'assigned',
        assignee: { agentId, name: `Agent ${agentId}`, assignedAt: iso(t), assignedBy: 'assignment' },
      },
      events: [event('assigned', SYSTEM_ACTOR, { from: 'open', to: 'assigned', details: { agentId } })],
    });
  }
  const resolver = unassigned ? 'supervisor1' : agentId;
  const escalate = () => {
    if (g.chance(0.12)) {
      const levels = g.chance(0.3) ? (g.chance(0.4) ? 3 : 2) : 1;
      const milestone = g.pick(['firstResponse', 'resolution']);
      t += g.minutes(1, 600) * MINUTE;
      apply({ events: [event('sla_breached', SYSTEM_ACTOR, { visibility: 'internal', details: { milestone } })] });
      for (let level = 1; level <= levels; level += 1) {
        t += g.minutes(1, 240) * MINUTE;
        apply({
          events: [event('escalated', SYSTEM_ACTOR, { visibility: 'internal', details: { level, milestone } })],
        });
      }
    }
  };
  if (cancelled) {
    t += g.minutes(5, 3 * 24 * 60) * MINUTE;
    moveTo('cancelled', 'cancelled', customer, {
      set: { cancellation: { reason: 'solved elsewhere', cancelledAt: iso(t), cancelledBy: 'customer' } },
    });
    return { initial, firstEvent, changes };
  }
  // The first public reply (most cases); some resolve without one.
  if (!unassigned && g.chance(0.88)) {
    t += g.minutes(2, 4 * 24 * 60) * MINUTE;
    apply({
      set: { status: 'in_progress', firstRespondedAt: iso(t) },
      events: [
        event('reply_sent', staff(agentId), { details: { body: 'hello' } }),
        event('status_changed', staff(agentId), { from: current.status, to: 'in_progress' }),
      ],
    });
    if (g.chance(0.04)) {
      t += g.minutes(1, 60) * MINUTE;
      apply({ events: [event('reply_sent', staff(agentId), { details: { body: 'more' } })] });
    }
  }
  escalate();

  for (let round = 1; ; round += 1) {
    // Pauses while awaiting the customer: zero to three, after the first reply.
    if (current.firstRespondedAt) {
      const pauses = g.chance(0.35) ? 1 + Math.floor(g.random() * 3) : 0;
      for (let pause = 0; pause < pauses; pause += 1) {
        t += g.minutes(1, 24 * 60) * MINUTE;
        moveTo('awaiting_customer', 'status_changed', staff(agentId));
        t += g.minutes(5, 5 * 24 * 60) * MINUTE;
        // Most customers answer; a case resolved while awaiting them ends the pause by its resolution.
        if (pause < pauses - 1 || g.chance(0.8)) moveTo('in_progress', 'status_changed', customer);
      }
    }
    // Some cases stay open past the range.
    if (g.chance(0.06)) return { initial, firstEvent, changes };
    t += g.minutes(10, 8 * 24 * 60) * MINUTE;
    const resolution: Resolution = {
      type: g.pick(RESOLUTION_TYPES),
      rootCause: g.pick(ROOT_CAUSES),
      summary: 'done',
      resolvedAt: iso(t),
      resolvedBy: resolver,
    };
    moveTo('resolved', 'resolved', staff(resolver), {
      set: { resolution },
      details: { type: resolution.type, rootCause: resolution.rootCause },
    });

    // Survey: sent to most, answered by some.
    let survey: CaseSurvey | undefined;
    if (g.chance(0.75)) {
      t += g.minutes(0, 120) * MINUTE;
      const attribution: SurveyAttribution = {
        ...(unassigned ? {} : { agentId, agentName: `Agent ${agentId}` }),
        resolvedBy: resolver,
        type,
        priority,
        resolutionType: resolution.type,
        rootCause: resolution.rootCause,
        channel,
      };
      survey = {
        round,
        status: 'sent',
        tokenId: `tok${index}r${round}`,
        sentAt: iso(t),
        expiresAt: iso(t + 14 * DAY),
        attribution,
      };
      apply({
        set: { survey },
        events: [event('survey_sent', SYSTEM_ACTOR, { details: { round, expiresAt: survey.expiresAt, attribution } })],
      });
      if (g.chance(0.6)) {
        t += g.minutes(1, 10 * 24 * 60) * MINUTE;
        const rating = () => 1 + Math.min(4, Math.floor(g.random() ** 0.5 * 5));
        const ratings: SurveyRatings = { overall: rating() };
        for (const dimension of ['attitude', 'professionalism', 'problemSolving', 'speed'] as const) {
          if (g.chance(0.7)) ratings[dimension] = rating();
        }
        const comment = g.chance(0.3) ? `comment ${index}` : undefined;
        survey = { ...survey, status: 'answered', answeredAt: iso(t), ratings, ...(comment ? { comment } : {}) };
        apply({
          set: { survey },
          events: [
            event('survey_answered', customer, {
              details: { round, ratings, ...(comment ? { comment } : {}), attribution, sentAt: survey.sentAt },
            }),
          ],
        });
      }
    }

    // A revisit for some; a reopening for some (within or beyond 7 days), at most twice.
    if (g.chance(0.1)) {
      t += g.minutes(3 * 24 * 60, 8 * 24 * 60) * MINUTE;
      const outcome = g.chance(0.25) ? 'recurred' : 'ok';
      apply({
        events: [event('revisit_completed', staff(resolver), { visibility: 'internal', details: { round, outcome } })],
      });
    }
    if (round < 3 && g.chance(0.12)) {
      t += (g.chance(0.7) ? g.minutes(30, 6 * 24 * 60) : g.minutes(8 * 24 * 60, 14 * 24 * 60)) * MINUTE;
      const voided = current.survey?.status === 'sent';
      const finished: CaseRound = {
        round,
        resolution: current.resolution as Resolution,
        ...(current.survey ? { survey: voided ? { ...current.survey, status: 'void' as const } : current.survey } : {}),
        reopen: { at: iso(t), by: customer.id ?? 'customer', reason: 'customer_message' },
      };
      const status = unassigned ? 'open' : 'in_progress';
      apply({
        set: { status, round: round + 1, reopenedAt: iso(t), rounds: [...(current.rounds ?? []), finished] },
        remove: ['resolution', 'survey', 'revisit'],
        events: [
          event('customer_message', customer, { details: { body: 'again' } }),
          ...(voided ? [event('survey_voided', customer, { visibility: 'internal', details: { round } })] : []),
          event('reopened', customer, {
            from: current.status,
            to: status,
            details: { round: round + 1, reason: 'customer_message' },
          }),
        ],
      });
      escalate();
      continue;
    }
    if (g.chance(0.4)) {
      t += g.minutes(60, 14 * 24 * 60) * MINUTE;
      moveTo('closed', 'closed', SYSTEM_ACTOR, { set: { closedAt: iso(t) } });
    }
    return { initial, firstEvent, changes };
  }
};

/** `count` cases of one store, the same for the same seed. */
export const kpiDataset = (storeId: string, count: number, seed = 12): ScriptedCase[] => {
  const g = generatorOf(seededRandom(seed));
  return Array.from({ length: count }, (_, index) => scriptCase(g, storeId, index));
};
