import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import type { CaseList, QueueRef } from '../../../functions/ports/case-store.js';
import {
  classifiedAs,
  freshStoreId,
  openCase,
  putCase,
  startDynamoFixture,
  type DynamoFixture,
} from './dynamodb-fixture.js';

let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const assignee = (agentId: string) => ({
  agentId,
  name: agentId,
  assignedAt: '2026-11-20T08:00:00.000Z',
  assignedBy: 'assignment' as const,
});
const due = (day: number) => ({ nextDueAt: `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z` });
const revisit = (extra: Partial<NonNullable<Case['revisit']>> = {}) => ({
  round: 1,
  dueAt: '2026-11-25T08:00:00.000Z',
  answerDueAt: '2026-11-27T08:00:00.000Z',
  ...extra,
});

/** How many cases the list method returns in one large page: what a count must say. */
const listed = async (storeId: string, queue: QueueRef): Promise<number> =>
  (await fixture.cases.listQueue(storeId, queue, { limit: 100 })).items.length;

describe('Function: DynamoCaseStore.countCases', () => {
  it('counts a queue as its list holds it: filters, the due-before key condition, active or done', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putCase(fixture, openCase(storeId, { classification: classifiedAs('P1'), deadlines: due(1) }));
    await putCase(fixture, openCase(storeId, { classification: classifiedAs('P2'), deadlines: due(3) }));
    await putCase(fixture, openCase(storeId, { classification: classifiedAs('P2'), deadlines: due(9) }));
    await putCase(fixture, openCase(storeId, { status: 'awaiting_customer' }));
    await putCase(fixture, openCase(storeId, { status: 'assigned', assignee: assignee('a1'), deadlines: due(2) }));
    await putCase(fixture, openCase(storeId, { status: 'cancelled' }));
    await putCase(fixture, openCase(freshStoreId()));
    const queues: QueueRef[] = [
      { agentId: null, state: 'active' },
      { agentId: null, state: 'active', priorities: ['P2'] },
      { agentId: null, state: 'active', statuses: ['awaiting_customer'] },
      { agentId: null, state: 'active', dueBefore: '2026-11-05T00:00:00.000Z' },
      { agentId: null, state: 'done' },
      { agentId: 'a1', state: 'active' },
      { agentId: 'a2', state: 'active' },
    ];

    // Act
    const counts = await Promise.all(
      queues.map((queue) => fixture.cases.countCases(storeId, { kind: 'queue', queue }, 50)),
    );

    // Assess
    expect(counts.map((count) => count.count)).toEqual([4, 2, 1, 2, 1, 1, 0]);
    expect(counts.map((count) => count.count)).toEqual(
      await Promise.all(queues.map((queue) => listed(storeId, queue))),
    );
    expect(counts.every((count) => !count.more)).toBe(true);
  });

  it('stops past its cap and says "at least", filtered or not', async () => {
    // Prepare
    const storeId = freshStoreId();
    for (let index = 0; index < 7; index += 1) {
      await putCase(fixture, openCase(storeId, { classification: classifiedAs(index < 4 ? 'P3' : 'P4') }));
    }
    const count = (list: CaseList, cap: number) => fixture.cases.countCases(storeId, list, cap);
    const queue: CaseList = { kind: 'queue', queue: { agentId: null, state: 'active' } };
    const p3: CaseList = { kind: 'queue', queue: { agentId: null, state: 'active', priorities: ['P3'] } };

    // Act and assess
    expect(await count(queue, 7)).toEqual({ count: 7, more: false });
    expect(await count(queue, 6)).toEqual({ count: 6, more: true });
    expect(await count(queue, 3)).toEqual({ count: 3, more: true });
    expect(await count(p3, 4)).toEqual({ count: 4, more: false });
    expect(await count(p3, 3)).toEqual({ count: 3, more: true });
    expect(await count({ kind: 'status', status: 'open' }, 5)).toEqual({ count: 5, more: true });
    expect(await count({ kind: 'status', status: 'open' }, 50)).toEqual({ count: 7, more: false });
  });

  it('counts a status, the flagged customer waits, the workflow failures and the pending revisits of a store', async () => {
    // Prepare
    const storeId = freshStoreId();
    const failure = { error: 'TypeError', state: 'AssignAgent', at: '2026-11-01T00:00:00.000Z', execution: 'x' };
    const flag = { since: '2026-11-01T00:00:00.000Z', flaggedAt: '2026-11-04T00:00:00.000Z' };
    const mine = { status: 'resolved' as const, assignee: assignee('a1') };
    await putCase(fixture, openCase(storeId, { status: 'pending_review' }));
    await putCase(fixture, openCase(storeId, { status: 'awaiting_customer', customerWaitFlag: flag }));
    await putCase(fixture, openCase(storeId, { status: 'awaiting_customer' }));
    await putCase(fixture, openCase(storeId, { workflowFailure: failure }));
    // Pending: opened, not answered. Not pending: not opened yet, or answered.
    await putCase(fixture, openCase(storeId, { ...mine, revisit: revisit({ openedAt: '2026-11-25T08:00:00.000Z' }) }));
    await putCase(
      fixture,
      openCase(storeId, { status: 'resolved', revisit: revisit({ openedAt: '2026-11-25T08:00:00.000Z' }) }),
    );
    await putCase(fixture, openCase(storeId, { ...mine, revisit: revisit() }));
    await putCase(
      fixture,
      openCase(storeId, { ...mine, revisit: revisit({ openedAt: '2026-11-25T08:00:00.000Z', outcome: 'ok' }) }),
    );
    await putCase(
      fixture,
      openCase(freshStoreId(), { ...mine, revisit: revisit({ openedAt: '2026-11-25T08:00:00.000Z' }) }),
    );
    const count = (list: CaseList) => fixture.cases.countCases(storeId, list, 50);

    // Act and assess
    expect(await count({ kind: 'status', status: 'pending_review' })).toEqual({ count: 1, more: false });
    expect(await count({ kind: 'status', status: 'awaiting_customer' })).toEqual({ count: 2, more: false });
    expect(await count({ kind: 'flaggedCustomerWaits' })).toEqual({ count: 1, more: false });
    expect(await count({ kind: 'workflowFailures' })).toEqual({ count: 1, more: false });
    expect(await count({ kind: 'pendingRevisits' })).toEqual({ count: 2, more: false });
    // The same cases every queue's resolved list holds (the unassigned queue's and agent a1's).
    const resolved = { state: 'active' as const, statuses: ['resolved' as const] };
    expect(
      (await listed(storeId, { ...resolved, agentId: null })) + (await listed(storeId, { ...resolved, agentId: 'a1' })),
    ).toBe(2);
  });
});
