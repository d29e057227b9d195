import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import { KpiCountingCaseStore } from '../../../functions/use-cases/kpi/kpi-counting-case-store.js';
import { rebuildKpis } from '../../../functions/use-cases/kpi/rebuild-kpis.js';
import { kpiReport } from '../../../functions/use-cases/reports/kpi-report.js';
import {
  classifiedAs,
  dependenciesOn,
  freshStoreId,
  openCase,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';

let fixture: DynamoFixture;
beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const at = (iso: string) => new Date(iso);

describe('Class: KpiCountingCaseStore', () => {
  it('counts a case received, first-responded and resolved in the same transactions as its changes', async () => {
    // Prepare: a Monday 09:00 in Shanghai; default calendar (09:00-18:00 weekdays)
    const storeId = freshStoreId();
    await putStoreProfile(fixture, storeProfile(storeId));
    const cases = new KpiCountingCaseStore(fixture.cases, fixture.stores);
    const received = '2026-11-23T01:00:00.000Z';
    const value: Case = openCase(storeId, {
      createdAt: received,
      updatedAt: received,
      classification: classifiedAs('P3'),
      assignee: { agentId: 'agent1', name: 'A', assignedAt: received, assignedBy: 'assignment' },
      status: 'assigned',
      decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: received, decidedBy: 'policy' },
    });
    await cases.create(value, timelineEvent(value.caseId, at(received), 'case_submitted', SYSTEM));
    const replied = '2026-11-23T03:00:00.000Z';
    await cases.update(value, {
      set: { firstRespondedAt: replied, status: 'in_progress', updatedAt: replied },
      events: [
        timelineEvent(value.caseId, at(replied), 'reply_sent', { kind: 'staff', id: 'agent1' }),
        timelineEvent(value.caseId, at(replied), 'status_changed', SYSTEM, { from: 'assigned', to: 'in_progress' }),
      ],
    });
    const resolvedAt = '2026-11-24T02:00:00.000Z';
    const stored = (await fixture.cases.get(value.caseId)) as Case;
    await cases.update(stored, {
      ifStatusIn: ['in_progress'],
      set: {
        status: 'resolved',
        updatedAt: resolvedAt,
        resolution: { type: 'refund', rootCause: 'misuse', summary: 's', resolvedAt, resolvedBy: 'agent1' },
      },
      events: [
        timelineEvent(value.caseId, at(resolvedAt), 'resolved', SYSTEM, {
          from: 'in_progress',
          to: 'resolved',
          details: { type: 'refund', rootCause: 'misuse' },
        }),
      ],
    });

    // Act
    const { value: report, itemsRead } = await kpiReport(
      dependenciesOn(fixture, { clock: { now: () => at('2026-11-25T00:00:00Z') } }),
      storeId,
      { period: 'week' },
    );

    // Assess
    const [week] = report.periods;
    expect(week?.label).toBe('2026-W48');
    expect(week?.casesReceived).toBe(1);
    expect(week?.firstResponse).toMatchObject({ count: 1, avgMinutes: 120, avgCalendarMinutes: 120, withinSlaRate: 1 });
    expect(week?.casesResolved).toBe(1);
    expect(week?.resolution).toMatchObject({ cohortCases: 1, cohortResolved: 1, resolutionRate: 1, avgHours: 10 });
    expect(week?.byType).toEqual({ return: { received: 1, resolved: 1 } });
    expect(week?.byRootCause).toEqual({ misuse: { resolved: 1 } });
    expect(itemsRead).toBeGreaterThan(0);

    // Act: the rebuild finds nothing to repair; a bucket set wrong by hand is found and repaired
    const dependencies = { cases: fixture.cases, kpis: fixture.kpis, stores: fixture.stores };
    const clean = await rebuildKpis(dependencies, storeId, '2026-11-01', '2026-11-30');
    await fixture.kpis.applyDelta(storeId, {
      counters: new Map([['store|-|2026-11-24', { resolved: 2 }]]),
      puts: [],
      deletes: [{ list: 'cases', sortKey: `${received}#${value.caseId}` }],
    });
    const found = await rebuildKpis(dependencies, storeId, '2026-11-01', '2026-11-30', { apply: true });
    const after = await rebuildKpis(dependencies, storeId, '2026-11-01', '2026-11-30');

    // Assess
    expect(clean).toMatchObject({ casesRead: 1, differences: [] });
    expect(found.differences).toEqual([
      { item: 'store|-|2026-11-24 resolved', stored: 3, recomputed: 1 },
      expect.objectContaining({ item: `cases|${received}#${value.caseId}`, stored: '(none)' }),
    ]);
    expect(after.differences).toEqual([]);
  });
});
