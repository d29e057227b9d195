import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseStatus, Priority } from '../../../functions/domain/case.js';
import {
  AgentUnavailableError,
  NotFoundError,
  StateConflictError,
  ValidationError,
} from '../../../functions/domain/errors.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseChange } from '../../../functions/ports/case-store.js';
import { timelineOf } from '../../support/stored-cases.js';
import {
  classifiedAs,
  freshStoreId,
  openCase,
  putAgent,
  putCase,
  startDynamoFixture,
  type DynamoFixture,
} from './dynamodb-fixture.js';

let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const rawCaseItem = async (caseId: string) =>
  (
    await fixture.client.send(
      new GetCommand({
        TableName: fixture.tables.cases,
        Key: { pk: `CASE#${caseId}`, sk: 'CASE' },
        ConsistentRead: true,
      }),
    )
  ).Item;

const eventsOf = async (caseId: string) => (await timelineOf(fixture, caseId)).map((event) => event.type);

const note = (caseId: string) => timelineEvent(caseId, new Date(), 'note_added', SYSTEM, { visibility: 'internal' });

const assignTo = (value: Case, agentId: string, extra: Partial<CaseChange> = {}): CaseChange => {
  const at = new Date().toISOString();
  return {
    ifStatusIn: ['open'],
    ifAssignee: null,
    set: { status: 'assigned', assignee: { agentId, name: agentId, assignedAt: at, assignedBy: 'assignment' } },
    agentLoad: { take: { storeId: value.storeId, agentId }, at },
    events: [timelineEvent(value.caseId, new Date(at), 'assigned', SYSTEM, { to: agentId })],
    ...extra,
  };
};

describe('Function: DynamoCaseStore.update', () => {
  it.each<[string, Partial<Case>, Pick<CaseChange, 'ifStatusIn' | 'ifAssignee'>, 'applied' | 'conflict']>([
    ['the status is one of ifStatusIn', {}, { ifStatusIn: ['submitted', 'open'] }, 'applied'],
    ['the status is not in ifStatusIn', {}, { ifStatusIn: ['assigned'] }, 'conflict'],
    ['ifAssignee is null and the case is unassigned', {}, { ifAssignee: null }, 'applied'],
    [
      'ifAssignee is null and the case is assigned',
      { status: 'assigned', assignee: assignee('a1') },
      { ifAssignee: null },
      'conflict',
    ],
    [
      'ifAssignee names the assignee',
      { status: 'assigned', assignee: assignee('a1') },
      { ifAssignee: 'a1' },
      'applied',
    ],
    [
      'ifAssignee names another agent',
      { status: 'assigned', assignee: assignee('a1') },
      { ifAssignee: 'a2' },
      'conflict',
    ],
    ['ifAssignee names an agent and the case is unassigned', {}, { ifAssignee: 'a1' }, 'conflict'],
    [
      'both conditions hold',
      { status: 'assigned', assignee: assignee('a1') },
      { ifStatusIn: ['assigned'], ifAssignee: 'a1' },
      'applied',
    ],
  ])('applies a change only when %s', async (_label, overrides, conditions, expected) => {
    // Prepare
    const value = await putCase(fixture, openCase(freshStoreId(), overrides));
    const change: CaseChange = { ...conditions, set: { description: 'changed' }, events: [note(value.caseId)] };

    // Act
    const outcome = await fixture.cases.update(value, change).then(
      () => 'applied',
      (error: unknown) => (error instanceof StateConflictError ? 'conflict' : error),
    );

    // Assess
    expect(outcome).toBe(expected);
    const stored = await fixture.cases.get(value.caseId);
    expect(stored?.description).toBe(expected === 'applied' ? 'changed' : value.description);
    expect((await eventsOf(value.caseId)).includes('note_added')).toBe(expected === 'applied');
  });

  it('checks the conditions of an events-only change and writes only its events', async () => {
    // Prepare
    const value = await putCase(fixture, openCase(freshStoreId()));

    // Act
    const refused = fixture.cases.update(value, { ifStatusIn: ['resolved'], events: [note(value.caseId)] });
    await expect(refused).rejects.toBeInstanceOf(StateConflictError);
    await fixture.cases.update(value, { ifStatusIn: ['open'], events: [note(value.caseId)] });

    // Assess
    expect(await eventsOf(value.caseId)).toEqual(['case_submitted', 'note_added']);
    expect(await fixture.cases.get(value.caseId)).toEqual(value);
  });

  it('throws NotFoundError when the case does not exist', async () => {
    // Prepare
    const missing = openCase(freshStoreId());

    // Act
    const attempt = fixture.cases.update(missing, { ifStatusIn: ['open'], set: { description: 'x' }, events: [] });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(await rawCaseItem(missing.caseId)).toBeUndefined();
  });

  it('takes agent load with the assignment: openCases + 1 and lastAssignedAt', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1', { maxOpenCases: 2 });
    const value = await putCase(fixture, openCase(storeId));
    const change = assignTo(value, 'a1');

    // Act
    await fixture.cases.update(value, change);

    // Assess
    const agent = await fixture.agents.get(storeId, 'a1');
    expect(agent).toMatchObject({ openCases: 1, lastAssignedAt: change.agentLoad?.at });
    expect(await fixture.cases.get(value.caseId)).toMatchObject({ status: 'assigned', assignee: { agentId: 'a1' } });
  });

  it.each<[string, { maxOpenCases?: number; available?: boolean } | undefined, number]>([
    ['at capacity', { maxOpenCases: 1 }, 1],
    ['unavailable', { available: false }, 0],
    ['missing', undefined, 0],
  ])('throws AgentUnavailableError and writes nothing when the agent is %s', async (_label, agent, preload) => {
    // Prepare
    const storeId = freshStoreId();
    if (agent) await putAgent(fixture, storeId, 'a1', agent);
    for (let index = 0; index < preload; index += 1) {
      const other = await putCase(fixture, openCase(storeId));
      await fixture.cases.update(other, assignTo(other, 'a1'));
    }
    const value = await putCase(fixture, openCase(storeId));

    // Act
    const attempt = fixture.cases.update(value, assignTo(value, 'a1'));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AgentUnavailableError);
    expect(await fixture.cases.get(value.caseId)).toEqual(value);
    expect(await eventsOf(value.caseId)).toEqual(['case_submitted']);
    expect((await fixture.agents.get(storeId, 'a1'))?.openCases).toBe(agent ? preload : undefined);
  });

  it('reports the case condition before the agent when both fail', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1', { available: false });
    const value = await putCase(fixture, openCase(storeId, { status: 'cancelled' }));

    // Act
    const attempt = fixture.cases.update(value, assignTo(value, 'a1'));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(StateConflictError);
  });

  it('moves load from the previous agent to the new one on reassignment', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    await putAgent(fixture, storeId, 'a2');
    const value = await putCase(fixture, openCase(storeId));
    await fixture.cases.update(value, assignTo(value, 'a1'));
    const assigned = (await fixture.cases.get(value.caseId)) as Case;
    const at = new Date().toISOString();

    // Act
    await fixture.cases.update(assigned, {
      ifStatusIn: ['assigned'],
      ifAssignee: 'a1',
      set: { assignee: { agentId: 'a2', name: 'a2', assignedAt: at, assignedBy: 'supervisor1' } },
      agentLoad: { take: { storeId, agentId: 'a2' }, release: { storeId, agentId: 'a1' }, at },
      events: [timelineEvent(value.caseId, new Date(at), 'assigned', SYSTEM, { from: 'a1', to: 'a2' })],
    });

    // Assess
    expect((await fixture.agents.get(storeId, 'a1'))?.openCases).toBe(0);
    expect((await fixture.agents.get(storeId, 'a2'))?.openCases).toBe(1);
    const page = await fixture.cases.listQueue(storeId, { agentId: 'a2', state: 'active' }, { limit: 10 });
    expect(page.items.map((item) => item.caseId)).toEqual([value.caseId]);
  });

  it.each<[string, boolean, number]>([
    ['one open case', true, 1],
    ['no open case left', true, 0],
    ['been deleted', false, 0],
  ])('resolves the case whatever the previous agent has: %s', async (_label, exists, openCases) => {
    // Prepare
    const storeId = freshStoreId();
    if (exists) await putAgent(fixture, storeId, 'a1');
    for (let index = 0; index < openCases; index += 1) {
      const other = await putCase(fixture, openCase(storeId));
      await fixture.cases.update(other, assignTo(other, 'a1'));
    }
    const value = await putCase(fixture, openCase(storeId, { status: 'in_progress', assignee: assignee('a1') }));

    // Act
    await fixture.cases.update(value, {
      ifStatusIn: ['in_progress'],
      set: { status: 'resolved' },
      agentLoad: { release: { storeId, agentId: 'a1' }, at: new Date().toISOString() },
      events: [timelineEvent(value.caseId, new Date(), 'resolved', SYSTEM)],
    });

    // Assess
    expect((await fixture.cases.get(value.caseId))?.status).toBe('resolved');
    expect((await fixture.agents.get(storeId, 'a1'))?.openCases).toBe(exists ? Math.max(0, openCases - 1) : undefined);
  });
});

describe('Function: DynamoCaseStore queue keys', () => {
  it('keeps a case out of every queue until it is opened, then moves it with assignment and resolution', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const queueIds = async (agentId: string | null, state: 'active' | 'done') =>
      (await fixture.cases.listQueue(storeId, { agentId, state }, { limit: 10 })).items.map((item) => item.caseId);
    const submitted = await putCase(fixture, openCase(storeId, { status: 'submitted', decision: undefined }));

    // Act + Assess: submitted, then approved but still pending review, then open
    expect(await rawCaseItem(submitted.caseId)).not.toHaveProperty('queueKey');
    const approved = {
      outcome: 'approved' as const,
      reasons: [],
      policyVersion: 1,
      decidedAt: submitted.createdAt,
      decidedBy: 'supervisor1',
    };
    await fixture.cases.update(submitted, {
      ifStatusIn: ['submitted'],
      set: { status: 'pending_review', decision: approved },
      events: [],
    });
    expect(await rawCaseItem(submitted.caseId)).not.toHaveProperty('queueKey');
    const pending = (await fixture.cases.get(submitted.caseId)) as Case;
    await fixture.cases.update(pending, { ifStatusIn: ['pending_review'], set: { status: 'open' }, events: [] });
    expect(await queueIds(null, 'active')).toEqual([submitted.caseId]);

    const opened = (await fixture.cases.get(submitted.caseId)) as Case;
    await fixture.cases.update(opened, assignTo(opened, 'a1'));
    expect(await queueIds(null, 'active')).toEqual([]);
    expect(await queueIds('a1', 'active')).toEqual([submitted.caseId]);

    const assigned = (await fixture.cases.get(submitted.caseId)) as Case;
    await fixture.cases.update(assigned, { ifStatusIn: ['assigned'], set: { status: 'resolved' }, events: [] });
    expect(await queueIds('a1', 'active')).toEqual([]);
    expect(await queueIds('a1', 'done')).toEqual([submitted.caseId]);
    expect(await rawCaseItem(submitted.caseId)).toMatchObject({ storeStatusKey: `${storeId}#resolved` });
  });

  it('keeps every notification key when notices are recorded on one case at once, from the same stale read', async () => {
    // Prepare
    const value = await putCase(fixture, openCase(freshStoreId()));
    const keys = ['case_assigned_agent1', 'p1_assigned_agent1', 'reply_ev1', 'case_unassigned'];

    // Act: each writer holds the case as read before any of them recorded.
    await Promise.all(keys.map((key) => fixture.cases.update(value, { addNotificationsSent: [key], events: [] })));

    // Assess
    expect((await fixture.cases.get(value.caseId))?.notificationsSent?.sort()).toEqual([...keys].sort());
  });

  it('leaves the queue keys alone when a change does not touch what they derive from', async () => {
    // Prepare
    const storeId = freshStoreId();
    const value = await putCase(fixture, openCase(storeId));
    const before = await rawCaseItem(value.caseId);
    // A stale copy: were the keys recomputed from it, the case would land in the wrong queue.
    const stale: Case = { ...value, status: 'resolved', assignee: assignee('ghost') };

    // Act
    await fixture.cases.update(stale, { set: { notificationsSent: ['case_acknowledged'] }, events: [] });

    // Assess
    const after = await rawCaseItem(value.caseId);
    expect(after).toMatchObject({
      queueKey: before?.queueKey,
      queueSortKey: before?.queueSortKey,
      storeStatusKey: `${storeId}#open`,
    });
  });

  it('removes the case from every queue when a change takes it out (rejected after review)', async () => {
    // Prepare
    const value = await putCase(fixture, openCase(freshStoreId()));

    // Act
    await fixture.cases.update(value, {
      ifStatusIn: ['open'],
      set: {
        status: 'rejected',
        decision: { ...(value.decision as NonNullable<Case['decision']>), outcome: 'rejected' },
      },
      events: [],
    });

    // Assess
    const item = await rawCaseItem(value.caseId);
    expect(item).not.toHaveProperty('queueKey');
    expect(item).not.toHaveProperty('queueSortKey');
  });
});

describe('Function: DynamoCaseStore.listQueue', () => {
  const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`;

  it('lists most urgent first (priority, then oldest), filters by status and pages with tokens', async () => {
    // Prepare
    const storeId = freshStoreId();
    const put = (priority: Priority | undefined, createdDay: number, status: CaseStatus = 'open') =>
      putCase(
        fixture,
        openCase(storeId, {
          createdAt: day(createdDay),
          status,
          ...(priority ? { classification: classifiedAs(priority) } : {}),
          ...(status === 'open' ? {} : { assignee: assignee('a1') }),
        }),
      );
    const p2Old = await put('P2', 1);
    const p1New = await put('P1', 5);
    const unclassified = await put(undefined, 1);
    const p2New = await put('P2', 3);
    const p1Old = await put('P1', 2);
    const expected = [p1Old, p1New, p2Old, p2New, unclassified].map((item) => item.caseId);

    // Act
    const all = await fixture.cases.listQueue(storeId, { agentId: null, state: 'active' }, { limit: 10 });
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await fixture.cases.listQueue(storeId, { agentId: null, state: 'active' }, { limit: 2, nextToken });
      pages.push(page.items.map((item) => item.caseId));
      nextToken = page.nextToken;
    } while (nextToken);

    // Assess
    expect(all.items.map((item) => item.caseId)).toEqual(expected);
    expect(pages.flat()).toEqual(expected);
    expect(pages[0]).toHaveLength(2);
  });

  it('lists the nearest SLA due time first, and moves a case when its due times change', async () => {
    // Prepare
    const storeId = freshStoreId();
    const put = (priority: Priority, nextDueAt: string | undefined, createdDay: number) =>
      putCase(
        fixture,
        openCase(storeId, {
          createdAt: day(createdDay),
          classification: classifiedAs(priority),
          ...(nextDueAt ? { deadlines: { nextDueAt } } : {}),
        }),
      );
    const p4DueSoon = await put('P4', day(10), 1);
    const p1DueLater = await put('P1', day(12), 2);
    const paused = await put('P1', undefined, 3);
    const p2DueSoonest = await put('P2', day(9), 4);
    const list = async () =>
      (await fixture.cases.listQueue(storeId, { agentId: null, state: 'active' }, { limit: 10 })).items.map(
        (item) => item.caseId,
      );
    const before = await list();

    // Act: the P1's clock runs again, due before everything else.
    await fixture.cases.update(paused, { ifStatusIn: ['open'], set: { deadlines: { nextDueAt: day(8) } }, events: [] });

    // Assess
    expect(before).toEqual([p2DueSoonest, p4DueSoon, p1DueLater, paused].map((item) => item.caseId));
    expect(await list()).toEqual([paused, p2DueSoonest, p4DueSoon, p1DueLater].map((item) => item.caseId));
  });

  it('fills each page with the statuses asked for, skipping the others', async () => {
    // Prepare
    const storeId = freshStoreId();
    const statuses: CaseStatus[] = [
      'assigned',
      'in_progress',
      'assigned',
      'awaiting_customer',
      'in_progress',
      'in_progress',
    ];
    const created: Case[] = [];
    for (const [index, status] of statuses.entries()) {
      created.push(
        await putCase(fixture, openCase(storeId, { status, assignee: assignee('a1'), createdAt: day(index + 1) })),
      );
    }
    const expected = created.filter((item) => item.status === 'in_progress').map((item) => item.caseId);

    // Act
    const first = await fixture.cases.listQueue(
      storeId,
      { agentId: 'a1', state: 'active', statuses: ['in_progress'] },
      { limit: 2 },
    );
    const second = await fixture.cases.listQueue(
      storeId,
      { agentId: 'a1', state: 'active', statuses: ['in_progress'] },
      { limit: 2, nextToken: first.nextToken },
    );

    // Assess
    expect(first.items.map((item) => item.caseId)).toEqual(expected.slice(0, 2));
    expect(second.items.map((item) => item.caseId)).toEqual(expected.slice(2));
    expect(second.nextToken).toBeUndefined();
  });

  it('refuses a token from another queue or a forged one', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putCase(fixture, openCase(storeId));
    await putCase(fixture, openCase(storeId));
    const page = await fixture.cases.listQueue(storeId, { agentId: null, state: 'active' }, { limit: 1 });
    expect(page.nextToken).toBeDefined();

    // Act
    const otherQueue = fixture.cases.listQueue(
      storeId,
      { agentId: 'a1', state: 'active' },
      { limit: 1, nextToken: page.nextToken },
    );
    const otherStore = fixture.cases.listQueue(
      freshStoreId(),
      { agentId: null, state: 'active' },
      { limit: 1, nextToken: page.nextToken },
    );
    const forged = fixture.cases.listQueue(
      storeId,
      { agentId: null, state: 'active' },
      { limit: 1, nextToken: 'not-a-token' },
    );

    // Assess
    await expect(otherQueue).rejects.toBeInstanceOf(ValidationError);
    await expect(otherStore).rejects.toBeInstanceOf(ValidationError);
    await expect(forged).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('Function: DynamoCaseStore.listByStatus', () => {
  it("lists a store's cases in one status, newest first, page by page", async () => {
    // Prepare
    const storeId = freshStoreId();
    const created: Case[] = [];
    for (let index = 1; index <= 5; index += 1) {
      created.push(await putCase(fixture, openCase(storeId, { createdAt: `2026-11-0${index}T00:00:00.000Z` })));
    }
    await putCase(fixture, openCase(storeId, { status: 'cancelled' }));
    await putCase(fixture, openCase(freshStoreId()));

    // Act
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await fixture.cases.listByStatus(storeId, 'open', { limit: 2, nextToken });
      pages.push(page.items.map((item) => item.caseId));
      nextToken = page.nextToken;
    } while (nextToken);

    // Assess
    expect(pages.flat()).toEqual(created.map((item) => item.caseId).reverse());
    expect(pages[0]).toHaveLength(2);
    const cancelled = await fixture.cases.listByStatus(storeId, 'cancelled', { limit: 10 });
    expect(cancelled.items).toHaveLength(1);
  });
});

describe('Function: DynamoCaseStore.listWorkflowFailures', () => {
  const failure = (at: string) => ({ error: 'TypeError', state: 'AssignAgent', at, execution: 'x' });

  it("lists only a store's cases whose workflow failed, newest failure first, until the failure is cleared", async () => {
    // Prepare
    const storeId = freshStoreId();
    const older = await putCase(fixture, openCase(storeId, { workflowFailure: failure('2026-11-01T00:00:00.000Z') }));
    const running = await putCase(fixture, openCase(storeId));
    await putCase(fixture, openCase(freshStoreId(), { workflowFailure: failure('2026-11-03T00:00:00.000Z') }));
    const at = '2026-11-02T00:00:00.000Z';
    await fixture.cases.update(running, { set: { workflowFailure: failure(at) }, events: [note(running.caseId)] });

    // Act
    const listed = await fixture.cases.listWorkflowFailures(storeId, { limit: 10 });

    // Assess
    expect(listed.items.map((item) => item.caseId)).toEqual([running.caseId, older.caseId]);
    expect(listed.items[0]?.workflowFailure).toEqual(failure(at));
    expect(await rawCaseItem(running.caseId)).toMatchObject({
      failedStoreKey: storeId,
      failedKey: `${at}#${running.caseId}`,
    });
    expect(listed.items[0]).not.toHaveProperty('failedStoreKey');
  });

  it('clears a failure only while it is the one read: of two retries of one failure exactly one passes', async () => {
    // Prepare
    const storeId = freshStoreId();
    const at = '2026-11-01T00:00:00.000Z';
    const failed = await putCase(fixture, openCase(storeId, { workflowFailure: failure(at) }));
    const retry = (): Promise<void> =>
      fixture.cases.update(failed, {
        ifWorkflowFailedAt: at,
        set: { workflowRetries: 1 },
        remove: ['workflowFailure'],
        events: [note(failed.caseId)],
      });

    // Act
    const results = await Promise.allSettled([retry(), retry()]);

    // Assess
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect([StateConflictError.name, 'TransientError']).toContain((rejected.reason as Error).name);
    expect((await fixture.cases.listWorkflowFailures(storeId, { limit: 10 })).items).toEqual([]);
    expect(await rawCaseItem(failed.caseId)).not.toHaveProperty('failedStoreKey');
    await expect(retry()).rejects.toBeInstanceOf(StateConflictError);
  });
});

function assignee(agentId: string) {
  return { agentId, name: agentId, assignedAt: '2026-11-20T08:00:00.000Z', assignedBy: 'assignment' };
}
