import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../functions/domain/case.js';
import { caseKpiFacts } from '../../../../functions/domain/kpi/case-kpi-facts.js';
import { bucketKey, type KpiCounts } from '../../../../functions/domain/kpi/kpi-buckets.js';
import { EMPTY_FACTS, isEmptyDelta, kpiDelta } from '../../../../functions/domain/kpi/kpi-delta.js';
import { DEFAULT_SLA_POLICY } from '../../../../functions/domain/sla/sla-policy.js';
import { SYSTEM, type TimelineEvent } from '../../../../functions/domain/timeline.js';
import { returnRequest } from '../../../support/case-requests.js';

const TZ = 'Europe/Berlin';
const options = { timeZone: TZ, policy: { ...DEFAULT_SLA_POLICY, calendar: { timezone: TZ } } };

let sequence = 0;
const event = (at: string, type: TimelineEvent['type'], fields: Partial<TimelineEvent> = {}): TimelineEvent => ({
  caseId: 'cs_1',
  eventId: `ev_${String((sequence += 1)).padStart(4, '0')}`,
  at,
  type,
  actor: SYSTEM,
  visibility: 'public',
  ...fields,
});

const approved = (createdAt: string, overrides: Partial<Case> = {}): Case => ({
  ...returnRequest(),
  attachments: [],
  channel: 'web',
  caseId: 'cs_1',
  caseNumber: 'KP-1',
  storeId: 's1',
  status: 'in_progress',
  createdAt,
  updatedAt: createdAt,
  decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: createdAt, decidedBy: 'policy' },
  classification: {
    severity: 'major',
    urgency: 'high',
    priority: 'P2',
    severityRule: 'type_default',
    urgencyRule: 'type_default',
    classifiedAt: createdAt,
    classifiedBy: 'rules',
  },
  ...overrides,
});

const resolution = (resolvedAt: string) => ({
  type: 'refund' as const,
  rootCause: 'misuse' as const,
  summary: 's',
  resolvedAt,
  resolvedBy: 'agent1',
});

const store = (facts: ReturnType<typeof caseKpiFacts>, day: string): KpiCounts =>
  facts.counters.get(bucketKey({ dimension: 'store', value: '-', day })) ?? {};

/** A case resolved on 2 March, reopened `reopenAfterMinutes` later, resolved again on 20 March. */
const reopenedCase = (reopenedAt: string) => {
  const first = '2026-03-02T10:00:00.000Z';
  const last = '2026-03-20T10:00:00.000Z';
  const timeline = [
    event('2026-03-02T08:00:00.000Z', 'case_submitted'),
    event(first, 'resolved', { from: 'in_progress', to: 'resolved' }),
    event(reopenedAt, 'reopened', { from: 'resolved', to: 'in_progress', details: { round: 2 } }),
    event(last, 'resolved', { from: 'in_progress', to: 'resolved' }),
  ];
  const value = approved('2026-03-02T08:00:00.000Z', {
    status: 'resolved',
    round: 2,
    reopenedAt,
    resolution: resolution(last),
    rounds: [
      { round: 1, resolution: resolution(first), reopen: { at: reopenedAt, by: 'c1', reason: 'customer_message' } },
    ],
  });
  return caseKpiFacts(value, timeline, options);
};

describe('Function: caseKpiFacts', () => {
  it('counts a reopened case resolved once, on its last resolution, and every round in the reopen rate', () => {
    const facts = reopenedCase('2026-03-05T10:00:00.000Z');
    expect(store(facts, '2026-03-02')).toMatchObject({
      received: 1,
      roundsResolved: 1,
      roundsReopenedWithin7Days: 1,
      'settled@2026-03-02': 1,
      'settled@2026-03-05': -1,
      'settled@2026-03-20': 1,
    });
    expect(store(facts, '2026-03-02').resolved).toBeUndefined();
    expect(store(facts, '2026-03-20')).toMatchObject({ resolved: 1, roundsResolved: 1 });
  });

  it.each<[string, string, number | undefined]>([
    ['exactly 7 days after: within', '2026-03-09T10:00:00.000Z', 1],
    ['a minute later: not within', '2026-03-09T10:01:00.000Z', undefined],
  ])('reopened %s', (_, reopenedAt, within) => {
    expect(store(reopenedCase(reopenedAt), '2026-03-02').roundsReopenedWithin7Days).toBe(within);
  });

  it('counts a survey answer on its day, and in the response rate on the day its survey was sent', () => {
    const attribution = {
      resolvedBy: 'agent1',
      type: 'return',
      resolutionType: 'refund',
      rootCause: 'misuse',
      channel: 'web',
    };
    const timeline = [
      event('2026-03-02T08:00:00.000Z', 'case_submitted'),
      event('2026-03-28T22:30:00.000Z', 'survey_sent', { details: { round: 1, attribution } }),
      event('2026-03-29T22:30:00.000Z', 'survey_answered', {
        details: { round: 1, ratings: { overall: 4, speed: 2 }, attribution },
      }),
    ];
    const facts = caseKpiFacts(approved('2026-03-02T08:00:00.000Z'), timeline, options);
    // 22:30 UTC is 23:30 on the 28th (CET), but 00:30 on the 30th (CEST)
    expect(store(facts, '2026-03-28')).toEqual({ surveysSent: 1, answersOfSent: 1 });
    expect(store(facts, '2026-03-30')).toMatchObject({
      surveyAnswers: 1,
      satisfied: 1,
      ratingSum_overall: 4,
      ratingCount_overall: 1,
      ratingSum_speed: 2,
      ratingCount_speed: 1,
    });
    expect(store(facts, '2026-03-30').ratingCount_attitude).toBeUndefined();
  });

  it('voids a rejected case in its receipt day cohort, on the day of the decision', () => {
    const value = approved('2026-03-31T21:30:00.000Z', {
      status: 'rejected',
      decision: {
        outcome: 'rejected',
        reasons: [],
        policyVersion: 1,
        decidedAt: '2026-04-01T08:00:00.000Z',
        decidedBy: 'supervisor1',
      },
    });
    const facts = caseKpiFacts(value, [event(value.createdAt, 'case_submitted')], options);
    expect(store(facts, '2026-03-31')).toEqual({ received: 1, 'voided@2026-04-01': 1 });
  });
});

describe('Function: kpiDelta', () => {
  it('is after - before, and empty between equal facts', () => {
    const facts = reopenedCase('2026-03-05T10:00:00.000Z');
    const delta = kpiDelta(EMPTY_FACTS, facts);
    expect(delta.counters).toEqual(facts.counters);
    expect(delta.puts).toHaveLength(1);
    expect(isEmptyDelta(kpiDelta(facts, facts))).toBe(true);
    const undo = kpiDelta(facts, EMPTY_FACTS);
    expect(undo.counters.get(bucketKey({ dimension: 'store', value: '-', day: '2026-03-20' }))).toMatchObject({
      resolved: -1,
    });
    expect(undo.deletes).toEqual([{ list: 'cases', sortKey: delta.puts[0]?.sortKey }]);
  });
});
