import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueView } from '../../../functions/domain/queue-views.js';
import type { StaffUser } from '../../../functions/domain/staff.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import { COUNT_CAP, listConsoleQueue } from '../../../functions/use-cases/staff/list-console-queue.js';
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

const supervisor = (storeId: string): StaffUser => ({
  userId: 'sup',
  email: 'sup@example.com',
  name: 'Supervisor',
  roles: ['supervisor'],
  storeId,
});

/** The store's case store, recording which of its methods the page called. */
const recording = (calls: string[]): CaseStore =>
  new Proxy(fixture.cases, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });

const dependencies = (calls: string[] = []) => ({
  cases: recording(calls),
  agents: fixture.agents,
  stores: fixture.stores,
  clock: { now: () => new Date() },
});

describe("Use case: listConsoleQueue's tab counts", () => {
  it('gives each tab the number of cases its list shows, counting without reading the cases', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const a1 = { agentId: 'a1', name: 'a1', assignedAt: past, assignedBy: 'assignment' as const };
    await putCase(fixture, openCase(storeId, { classification: classifiedAs('P3'), deadlines: { nextDueAt: later } }));
    await putCase(fixture, openCase(storeId, { classification: classifiedAs('P1'), deadlines: { nextDueAt: past } }));
    await putCase(fixture, openCase(storeId, { status: 'assigned', assignee: a1, deadlines: { nextDueAt: past } }));
    await putCase(fixture, openCase(storeId, { status: 'pending_review' }));
    await putCase(
      fixture,
      openCase(storeId, { status: 'awaiting_customer', customerWaitFlag: { since: past, flaggedAt: past } }),
    );
    await putCase(
      fixture,
      openCase(storeId, { workflowFailure: { error: 'TypeError', state: 'AssignAgent', at: past, execution: 'x' } }),
    );
    await putCase(
      fixture,
      openCase(storeId, {
        status: 'resolved',
        assignee: a1,
        revisit: { round: 1, dueAt: past, answerDueAt: later, openedAt: past },
      }),
    );
    const calls: string[] = [];

    // Act
    const page = await listConsoleQueue(dependencies(calls), supervisor(storeId), { filters: {} });

    // Assess
    expect(page.view).toBe('unassigned');
    expect(page.counts).toEqual({
      unassigned: { count: 4, more: false },
      review: { count: 1, more: false },
      breached: { count: 2, more: false },
      flagged: { count: 1, more: false },
      failed: { count: 1, more: false },
      revisits: { count: 1, more: false },
    });
    // Only the list shown was read; every other tab was counted.
    expect(calls.filter((call) => call.startsWith('list'))).toEqual(['listQueue']);
    for (const view of Object.keys(page.counts ?? {}) as QueueView[]) {
      const shown = await listConsoleQueue(dependencies(), supervisor(storeId), { view, filters: {} });
      expect({ view, count: shown.cases.length }).toEqual({ view, count: page.counts?.[view]?.count });
    }
  });

  it(`says "${COUNT_CAP}+" of a list longer than the cap, and counts the list shown when its page is not all of it`, async () => {
    // Prepare
    const storeId = freshStoreId();
    for (let start = 0; start < COUNT_CAP + 2; start += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, COUNT_CAP + 2 - start) }, () => putCase(fixture, openCase(storeId))),
      );
    }

    // Act
    const page = await listConsoleQueue(dependencies(), supervisor(storeId), { filters: {} });

    // Assess
    expect(page.cases).toHaveLength(50);
    expect(page.counts?.unassigned).toEqual({ count: COUNT_CAP, more: true });
    expect(page.counts?.review).toEqual({ count: 0, more: false });
  });
});
