import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../functions/domain/case.js';
import { caseKpiFacts } from '../../../../functions/domain/kpi/case-kpi-facts.js';
import { kpiDelta, EMPTY_FACTS, isEmptyDelta } from '../../../../functions/domain/kpi/kpi-delta.js';
import { countsForKpis } from '../../../../functions/domain/kpi/kpi-relevance.js';
import { kpiFigures, DEFAULT_KPI_TARGETS } from '../../../../functions/domain/kpi/kpi-rollup.js';
import { bucketRefOf, type KpiBucket } from '../../../../functions/domain/kpi/kpi-buckets.js';
import { periodsCovering } from '../../../../functions/domain/kpi/report-calendar.js';
import { DEFAULT_SLA_POLICY } from '../../../../functions/domain/sla/sla-policy.js';
import type { TimelineEvent, TimelineEventType } from '../../../../functions/domain/timeline.js';

const ZONE = { timeZone: 'Asia/Shanghai' };
let sequence = 0;
const event = (type: TimelineEventType, at: string, fields: Partial<TimelineEvent> = {}): TimelineEvent => ({
  caseId: 'cs_1',
  eventId: `ev_${String((sequence += 1)).padStart(4, '0')}`,
  at,
  type,
  actor: { kind: 'system' },
  visibility: 'public',
  ...fields,
});

const baseCase = (overrides: Partial<Case> = {}): Case =>
  ({
    caseId: 'cs_1',
    caseNumber: 'AS-1',
    storeId: 's1',
    type: 'return',
    channel: 'app',
    status: 'open',
    createdAt: '2026-11-23T17:00:00.000Z', // 24 Nov, 01:00 in Shanghai
    updatedAt: '2026-11-23T17:00:00.000Z',
    decision: {
      outcome: 'approved',
      reasons: [],
      policyVersion: 1,
      decidedAt: '2026-11-23T17:00:00.000Z',
      decidedBy: 'policy',
    },
    classification: {
      severity: 'major',
      urgency: 'high',
      priority: 'P2',
      severityRule: 'r',
      urgencyRule: 'r',
      classifiedAt: '2026-11-23T17:00:00.000Z',
      classifiedBy: 'rules',
    },
    ...overrides,
  }) as Case;

const measure = { businessSeconds: 3600, calendarSeconds: 7200, withinSla: true, agentId: 'agent1' };

describe('Function: caseKpiFacts', () => {
  it('counts a case received on its store-local day, by type and channel, with its export row', () => {
    // Act
    const facts = caseKpiFacts(baseCase(), [event('case_submitted', '2026-11-23T17:00:00.000Z')], ZONE);

    // Assess
    expect(Object.fromEntries(facts.counters)).toEqual({
      'store|-|2026-11-24': { received: 1 },
      'type|return|2026-11-24': { received: 1 },
      'channel|app|2026-11-24': { received: 1 },
    });
    expect([...facts.records.keys()]).toEqual(['cases|2026-11-23T17:00:00.000Z#cs_1']);
    expect(facts.records.get('cases|2026-11-23T17:00:00.000Z#cs_1')?.fields).toMatchObject({
      state: 'open',
      priority: 'P2',
    });
  });

  it('counts a rejection as void on the day it was decided, in the bucket of the day it was received', () => {
    // Act
    const facts = caseKpiFacts(
      baseCase({
        status: 'rejected',
        decision: {
          outcome: 'rejected',
          reasons: [],
          policyVersion: 1,
          decidedAt: '2026-11-25T02:00:00.000Z',
          decidedBy: 'policy',
        },
      }),
      [],
      ZONE,
    );

    // Assess
    expect(facts.counters.get('store|-|2026-11-24')).toEqual({ received: 1, 'voided@2026-11-25': 1 });
  });

  it('counts the first response from the stamp on the event that met it, for the agent then assigned', () => {
    // Prepare
    const reply = event('reply_sent', '2026-11-24T03:00:00.000Z', { details: { kpi: { firstResponse: measure } } });

    // Act
    const facts = caseKpiFacts(baseCase({ firstRespondedAt: reply.at }), [reply], ZONE);

    // Assess
    const counts = {
      firstResponses: 1,
      firstResponseBusinessSeconds: 3600,
      firstResponseCalendarSeconds: 7200,
      firstResponsesWithinSla: 1,
    };
    expect(facts.counters.get('agent|agent1|2026-11-24')).toEqual(counts);
    expect(facts.counters.get('store|-|2026-11-24')).toMatchObject(counts);
  });

  it('measures an unstamped first response (a case from before the counters) only when given the policy', () => {
    // Prepare
    const value = baseCase({ firstRespondedAt: '2026-11-24T02:00:00.000Z' }); // 10:00 Tue in Shanghai: 1 business hour

    // Act
    const without = caseKpiFacts(value, [], ZONE);
    const measured = caseKpiFacts(value, [], { ...ZONE, policy: DEFAULT_SLA_POLICY });

    // Assess
    expect(without.counters.get('store|-|2026-11-24')?.firstResponses).toBeUndefined();
    expect(measured.counters.get('store|-|2026-11-24')).toMatchObject({
      firstResponses: 1,
      firstResponseBusinessSeconds: 3600,
    });
  });

  it('counts a reopened case once, at its latest resolution, and the reopening on the first resolution day', () => {
    // Prepare: resolved on the 25th, reopened on the 26th, resolved again on the 27th (Shanghai days)
    const first = event('resolved', '2026-11-25T03:00:00.000Z', { details: { kpi: { resolution: measure } } });
    const reopened = event('reopened', '2026-11-26T03:00:00.000Z', { details: { round: 2 } });
    const second = event('resolved', '2026-11-27T03:00:00.000Z', {
      details: { kpi: { resolution: { ...measure, withinSla: false } } },
    });
    const value = baseCase({
      status: 'resolved',
      round: 2,
      resolution: { type: 'refund', rootCause: 'misuse', summary: 's', resolvedAt: second.at, resolvedBy: 'agent1' },
    });

    // Act
    const facts = caseKpiFacts(value, [first, reopened, second], ZONE);

    // Assess
    expect(facts.counters.get('store|-|2026-11-24')).toEqual({
      received: 1,
      'settled@2026-11-25': 1,
      'settled@2026-11-26': -1,
      'settled@2026-11-27': 1,
    });
    expect(facts.counters.get('store|-|2026-11-25')).toEqual({ roundsResolved: 1, roundsReopenedWithin7Days: 1 });
    expect(facts.counters.get('store|-|2026-11-27')).toMatchObject({ roundsResolved: 1, resolved: 1 });
    expect(facts.counters.get('store|-|2026-11-27')).not.toHaveProperty('resolvedWithinSla'); // missed: no count
    expect(facts.counters.get('rootCause|misuse|2026-11-27')).toMatchObject({ resolved: 1 });
  });

  it('counts a survey answer on its day and again on the day its survey was sent, with its comment row', () => {
    // Prepare
    const attribution = {
      agentId: 'agent1',
      resolvedBy: 'agent1',
      type: 'return',
      resolutionType: 'refund',
      rootCause: 'misuse',
      channel: 'app',
    };
    const sent = event('survey_sent', '2026-11-25T03:00:00.000Z', { details: { round: 1, attribution } });
    const answered = event('survey_answered', '2026-11-26T03:00:00.000Z', {
      details: { round: 1, ratings: { overall: 4, speed: 2 }, comment: 'ok', attribution },
    });

    // Act
    const facts = caseKpiFacts(baseCase(), [sent, answered], ZONE);

    // Assess
    expect(facts.counters.get('store|-|2026-11-25')).toEqual({ surveysSent: 1, answersOfSent: 1 });
    expect(facts.counters.get('agent|agent1|2026-11-26')).toEqual({
      surveyAnswers: 1,
      satisfied: 1,
      ratingSum_overall: 4,
      ratingCount_overall: 1,
      ratingSum_speed: 2,
      ratingCount_speed: 1,
    });
    expect(facts.records.get('surveys|2026-11-26T03:00:00.000Z#cs_1#1')?.fields).toMatchObject({
      overall: 4,
      comment: 'ok',
      agentId: 'agent1',
    });
  });
});

describe('Function: caseKpiFacts, cohort days', () => {
  it.each([
    ['within its quarter', '2026-11-23T17:00:00.000Z', '2026-12-30T03:00:00.000Z', 'settled@2026-12-30'],
    ['after its quarter', '2026-11-23T17:00:00.000Z', '2027-01-05T03:00:00.000Z', 'settled@later'],
    // Received on Wednesday 30 September: its ISO week ends on Sunday 4 October, past the quarter.
    [
      'after its quarter but within its week',
      '2026-09-29T17:00:00.000Z',
      '2026-10-03T03:00:00.000Z',
      'settled@2026-10-03',
    ],
    ['after its quarter and its week', '2026-09-29T17:00:00.000Z', '2026-10-05T03:00:00.000Z', 'settled@later'],
  ])('names a resolution %s by its day only while a report can read it', (_, createdAt, resolvedAt, counter) => {
    // Prepare
    const value = baseCase({
      createdAt,
      status: 'resolved',
      resolution: { type: 'refund', rootCause: 'misuse', summary: 's', resolvedAt, resolvedBy: 'agent1' },
    });

    // Act
    const facts = caseKpiFacts(value, [event('resolved', resolvedAt)], ZONE);

    // Assess
    const receivedDay = new Date(Date.parse(createdAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(facts.counters.get(`store|-|${receivedDay}`)).toEqual({ received: 1, [counter]: 1 });
  });
});

describe('Function: kpiDelta', () => {
  it('adds exactly what changed between two states of a case, and nothing for an unchanged one', () => {
    // Prepare
    const received = caseKpiFacts(baseCase(), [], ZONE);
    const reply = event('reply_sent', '2026-11-24T03:00:00.000Z', { details: { kpi: { firstResponse: measure } } });
    const responded = caseKpiFacts(baseCase({ firstRespondedAt: reply.at }), [reply], ZONE);

    // Act
    const delta = kpiDelta(received, responded);

    // Assess
    expect(delta.counters.get('store|-|2026-11-24')).toEqual({
      firstResponses: 1,
      firstResponseBusinessSeconds: 3600,
      firstResponseCalendarSeconds: 7200,
      firstResponsesWithinSla: 1,
    });
    expect(delta.counters.has('type|return|2026-11-24')).toBe(true);
    expect(delta.puts).toHaveLength(1);
    expect(isEmptyDelta(kpiDelta(responded, responded))).toBe(true);
    expect(kpiDelta(EMPTY_FACTS, received).counters.get('store|-|2026-11-24')).toEqual({ received: 1 });
  });
});

describe('Function: countsForKpis', () => {
  it.each<[string, Parameters<typeof countsForKpis>[0], Parameters<typeof countsForKpis>[1], boolean]>([
    ['a resolution', {}, { events: [{ type: 'resolved', visibility: 'public' }] }, true],
    ['the first public reply', {}, { events: [{ type: 'reply_sent', visibility: 'public' }] }, true],
    ['a later reply', { firstRespondedAt: 'x' }, { events: [{ type: 'reply_sent', visibility: 'public' }] }, false],
    ['a note', {}, { events: [{ type: 'note_added', visibility: 'internal' }] }, false],
    ['a notification record', {}, { events: [] }, false],
    ['a cancellation by status', {}, { events: [], set: { status: 'cancelled' } }, true],
  ])('is %s -> %s', (_, current, change, expected) => {
    expect(countsForKpis(current, change)).toBe(expected);
  });
});

describe('Function: kpiFigures', () => {
  it('takes the resolution cohort from the received cases and what stood resolved at each period end', () => {
    // Prepare: two cases received in week 48; one resolved in week 48, one in week 49; one received in week 49 voided
    const buckets: KpiBucket[] = [
      {
        ...bucketRefOf('store|-|2026-11-24'),
        counts: { received: 2, 'settled@2026-11-26': 1, 'settled@2026-12-01': 1 },
      },
      { ...bucketRefOf('store|-|2026-12-02'), counts: { received: 1, 'voided@2026-12-03': 1 } },
    ];

    // Act
    const [week48, week49] = kpiFigures(
      periodsCovering('2026-11-24', '2026-12-02', 'week'),
      buckets,
      DEFAULT_KPI_TARGETS,
    );

    // Assess
    expect(week48?.resolution).toMatchObject({
      cohortCases: 2,
      cohortResolved: 1,
      resolutionRate: 0.5,
      target: { target: 0.9, met: false },
    });
    expect(week49?.resolution).toMatchObject({
      cohortCases: 0,
      cohortResolved: 0,
      resolutionRate: null,
      target: { met: null },
    });
    expect(week48?.casesReceived).toBe(2);
  });
});
