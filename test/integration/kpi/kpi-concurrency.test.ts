import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dropTransactionAnswers, type DroppedAnswers } from '../../support/dropped-answers.js';
import { caseWithChange, newCaseId, type Case } from '../../../functions/domain/case.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import type { KpiPeriodFigures } from '../../../functions/domain/kpi/kpi-report.js';
import type { Actor, TimelineEvent } from '../../../functions/domain/timeline.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseChange } from '../../../functions/ports/case-store.js';
import { KpiCountingCaseStore } from '../../../functions/use-cases/kpi/kpi-counting-case-store.js';
import { kpiReport } from '../../../functions/use-cases/reports/kpi-report.js';
import { returnRequest } from '../../support/case-requests.js';
import {
  dependenciesOn,
  freshStoreId,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';
import { differences } from './kpi-brute-force.js';
import { DATASET_TIMEZONE } from './kpi-dataset.js';
import { bruteReport, datasetPolicy } from './kpi-dataset-support.js';

/**
 * The counters stay exact when writes race: 50 counted events on one store at once (one day bucket, every writer),
 * many counted events on one case at once (the kpiRevision guard), a transaction the SDK resends after its answer was
 * lost (the client request token), and a use case applying the same change twice from the same stale case.
 * Each compares the report with the brute force over the cases as read back, on DynamoDB Local.
 */

let fixture: DynamoFixture;
let dropped: DroppedAnswers;

beforeAll(async () => {
  fixture = await startDynamoFixture();
  dropped = dropTransactionAnswers(fixture.client);
});
afterEach(() => dropped.reset());
afterAll(async () => fixture?.stop());

const AGENT: Actor = { kind: 'staff', id: 'agent1' };
const CUSTOMER: Actor = { kind: 'customer', id: 'c1' };
const NOW = new Date('2026-05-20T10:00:00Z');

const newStore = async () => {
  const storeId = freshStoreId();
  await putStoreProfile(fixture, storeProfile(storeId, { timezone: DATASET_TIMEZONE }));
  await fixture.stores.saveSlaPolicy(storeId, datasetPolicy());
  return { storeId, cases: new KpiCountingCaseStore(fixture.cases, fixture.stores) };
};

/** Received, approved by the policy, classified P2 and assigned at `at`, replied to 30 minutes later. */
const repliedCase = async (cases: KpiCountingCaseStore, storeId: string, at: string): Promise<Case> => {
  const received = new Date(at);
  const caseId = newCaseId(received);
  let value: Case = {
    ...returnRequest(),
    attachments: [],
    channel: 'web',
    caseId,
    caseNumber: `KC-${caseId.slice(-6)}`,
    storeId,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
  };
  await cases.create(value, timelineEvent(caseId, received, 'case_submitted', CUSTOMER));
  const replied = new Date(received.getTime() + 30 * 60_000);
  const changes: CaseChange[] = [
    {
      set: {
        status: 'assigned',
        decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: at, decidedBy: 'policy' },
        classification: {
          severity: 'major',
          urgency: 'high',
          priority: 'P2',
          severityRule: 'type_default',
          urgencyRule: 'type_default',
          classifiedAt: at,
          classifiedBy: 'rules',
        },
        assignee: { agentId: 'agent1', name: 'A', assignedAt: at, assignedBy: 'assignment' },
      },
      events: [
        timelineEvent(caseId, received, 'decision_made', SYSTEM, {
          from: 'submitted',
          to: 'open',
          details: { outcome: 'approved' },
        }),
        timelineEvent(caseId, received, 'classified', SYSTEM, { visibility: 'internal' }),
        timelineEvent(caseId, received, 'assigned', SYSTEM, { from: 'open', to: 'assigned' }),
      ],
    },
    {
      set: { status: 'in_progress', firstRespondedAt: replied.toISOString() },
      events: [
        timelineEvent(caseId, replied, 'reply_sent', AGENT),
        timelineEvent(caseId, replied, 'status_changed', AGENT, { from: 'assigned', to: 'in_progress' }),
      ],
    },
  ];
  for (const change of changes) {
    await cases.update(value, change);
    value = caseWithChange(value, change);
  }
  return value;
};

const resolving = (value: Case, at: string): CaseChange => ({
  ifStatusIn: ['in_progress'],
  set: {
    status: 'resolved',
    updatedAt: at,
    resolution: { type: 'refund', rootCause: 'misuse', summary: 's', resolvedAt: at, resolvedBy: 'agent1' },
  },
  events: [
    timelineEvent(value.caseId, new Date(at), 'resolved', AGENT, {
      from: 'in_progress',
      to: 'resolved',
      details: { type: 'refund', rootCause: 'misuse' },
    }),
  ],
});

/** The report's weeks and months over the days, and the brute force's over the cases as stored. */
const reportAgainstBruteForce = async (storeId: string, caseIds: readonly string[], from: string, to: string) => {
  const stored = await Promise.all(
    caseIds.map(async (caseId) => {
      const found = await fixture.cases.getWithTimeline(caseId);
      if (!found) throw new Error(`Case ${caseId} was not written`);
      return found;
    }),
  );
  const brute = bruteReport(stored, from, to);
  const dependencies = dependenciesOn(fixture, { clock: { now: () => NOW } });
  const result: { week: KpiPeriodFigures[]; differences: string[] } = { week: [], differences: [] };
  for (const period of ['week', 'month'] as const) {
    const { value } = await kpiReport(dependencies, storeId, { from, to, period });
    if (period === 'week') result.week = value.periods;
    result.differences.push(...differences(value.periods, brute.figures(period)).map((line) => `${period} ${line}`));
  }
  return { ...result, stored };
};

describe('KPI counters under concurrent writers and retries (DynamoDB Local)', () => {
  it('counts 50 cases of one store received, then resolved, at the same moment exactly', async () => {
    // Prepare: 50 cases received at once (50 intakes on one day bucket), replied to
    const { storeId, cases } = await newStore();
    const values = await Promise.all(
      Array.from({ length: 50 }, () => repliedCase(cases, storeId, '2026-05-12T08:00:00.000Z')),
    );

    // Act: all resolved at the same instant
    await Promise.all(values.map((value) => cases.update(value, resolving(value, '2026-05-12T15:00:00.000Z'))));

    // Assess
    const { week, differences: found } = await reportAgainstBruteForce(
      storeId,
      values.map(({ caseId }) => caseId),
      '2026-05-12',
      '2026-05-12',
    );
    expect(found).toEqual([]);
    expect(week[0]).toMatchObject({ casesReceived: 50, casesResolved: 50 });
    expect(week[0]?.firstResponse).toMatchObject({ count: 50, avgMinutes: 30 });
    // 08:00-12:00 and 13:00-15:00: six business hours each
    expect(week[0]?.resolution).toMatchObject({ cohortCases: 50, cohortResolved: 50, avgHours: 6, medianHours: 6 });
  });

  it('counts many events written at once on ONE case exactly once each', async () => {
    // Prepare
    const { storeId, cases } = await newStore();
    const value = await repliedCase(cases, storeId, '2026-05-13T08:00:00.000Z');
    const at = (minute: number) => new Date(Date.parse('2026-05-13T11:00:00.000Z') + minute * 60_000);
    const events: TimelineEvent[] = [
      ...[1, 2, 3, 1, 2, 3, 1, 2].map((level, index) =>
        timelineEvent(value.caseId, at(index), 'escalated', SYSTEM, {
          visibility: 'internal',
          details: { level, milestone: 'resolution' },
        }),
      ),
      ...Array.from({ length: 6 }, (_, index) =>
        timelineEvent(value.caseId, at(10 + index), 'sla_breached', SYSTEM, {
          visibility: 'internal',
          details: { milestone: index % 2 ? 'firstResponse' : 'resolution' },
        }),
      ),
      ...Array.from({ length: 6 }, (_, index) =>
        timelineEvent(value.caseId, at(20 + index), 'revisit_completed', AGENT, {
          visibility: 'internal',
          details: { outcome: index < 2 ? 'recurred' : 'ok' },
        }),
      ),
    ];

    // Act: 20 counted changes on the case at once, each from the same (soon stale) case
    await Promise.all(events.map((event) => cases.update(value, { events: [event] })));

    // Assess
    const {
      week,
      differences: found,
      stored,
    } = await reportAgainstBruteForce(storeId, [value.caseId], '2026-05-13', '2026-05-13');
    expect(found).toEqual([]);
    expect(week[0]).toMatchObject({
      escalations: 8,
      escalationsByLevel: { '1': 3, '2': 3, '3': 2 },
      breaches: { firstResponse: 3, resolution: 3 },
      revisits: { completed: 6, recurred: 2 },
    });
    // One counting write each (the guard moved once per write): the approval (its export row), the first reply, and
    // each of the 20 events, however many times the races made them recompute
    expect(stored[0]?.case.kpiRevision).toBe(22);
  });

  it('counts a transaction the SDK resent after losing its answer once', async () => {
    // Prepare
    const { storeId, cases } = await newStore();
    const value = await repliedCase(cases, storeId, '2026-05-14T08:00:00.000Z');
    dropped.reset();
    dropped.drop(1);

    // Act: the resolution commits, its answer is lost, the SDK sends it again (same client request token)
    await cases.update(value, resolving(value, '2026-05-15T09:00:00.000Z'));

    // Assess
    expect(dropped.attempts).toBe(2);
    const {
      week,
      differences: found,
      stored,
    } = await reportAgainstBruteForce(storeId, [value.caseId], '2026-05-14', '2026-05-15');
    expect(found).toEqual([]);
    expect(week[0]).toMatchObject({ casesResolved: 1, reopens: { resolutions: 1, reopenedWithin7Days: 0 } });
    expect(stored[0]?.timeline.filter(({ type }) => type === 'resolved')).toHaveLength(1);
  });

  it('counts once a change a use case applies twice from the same stale case', async () => {
    // Prepare
    const { storeId, cases } = await newStore();
    const value = await repliedCase(cases, storeId, '2026-05-18T08:00:00.000Z');
    const resolution = resolving(value, '2026-05-18T16:00:00.000Z');
    const escalation: CaseChange = {
      events: [
        timelineEvent(value.caseId, new Date('2026-05-18T14:00:00.000Z'), 'escalated', SYSTEM, {
          visibility: 'internal',
          details: { level: 1, milestone: 'resolution' },
        }),
      ],
    };

    // Act: each change twice, the second from the case as read before the first
    await cases.update(value, escalation);
    await cases.update(value, escalation);
    await cases.update(value, resolution);
    const second = cases.update(value, resolution);

    // Assess
    await expect(second).rejects.toBeInstanceOf(StateConflictError);
    const { week, differences: found } = await reportAgainstBruteForce(
      storeId,
      [value.caseId],
      '2026-05-18',
      '2026-05-18',
    );
    expect(found).toEqual([]);
    expect(week[0]).toMatchObject({ casesResolved: 1, escalations: 1, reopens: { resolutions: 1 } });
  });
});
