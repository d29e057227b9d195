import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import { systemClock } from '../../../functions/ports/clock.js';
import { assignByStaff } from '../../../functions/use-cases/assignment/assign-by-staff.js';
import { autoAssign, MAX_LOAD_SLACK } from '../../../functions/use-cases/assignment/auto-assign.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import {
  casesReadTogether,
  freshStoreId,
  openCase,
  putAgent,
  putCase,
  startDynamoFixture,
  staffUser,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';

/** autoAssign and assignByStaff on DynamoDB Local: the real conditional transactions decide every race. */
let fixture: DynamoFixture;
let dependencies: Pick<DynamoFixture, 'cases' | 'agents'> & { clock: typeof systemClock };

beforeAll(async () => {
  fixture = await startDynamoFixture();
  dependencies = { cases: fixture.cases, agents: fixture.agents, clock: systemClock };
});
afterAll(async () => fixture?.stop());

const countOf = async (caseId: string, type: string) =>
  (await timelineOf(fixture, caseId)).filter((event) => event.type === type).length;

describe('Function: autoAssign', () => {
  it('assigns the best eligible agent with its load, a public assigned event and the status change', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'busy', { maxOpenCases: 2 });
    await putAgent(fixture, storeId, 'english-only', {
      skills: { types: ['return'], categories: ['*'], locales: ['en'] },
    });
    await putAgent(fixture, storeId, 'free', { maxOpenCases: 2 });
    const warmUp = await putCase(fixture, openCase(storeId));
    await assignByStaff(dependencies, { caseId: warmUp.caseId, agentId: 'busy', by: staffUser(storeId) });
    const value = await putCase(fixture, openCase(storeId));

    // Act
    const result = await autoAssign(dependencies, value.caseId);

    // Assess
    expect(result).toMatchObject({ outcome: 'assigned', agent: { agentId: 'free', openCases: 1 } });
    const assigned = await caseOf(fixture, value.caseId);
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignee: { agentId: 'free', name: 'Agent free', assignedBy: 'assignment' },
    });
    expect((await fixture.agents.get(storeId, 'free'))?.openCases).toBe(1);
    const assignedEvent = (await timelineOf(fixture, value.caseId)).find((event) => event.type === 'assigned');
    expect(assignedEvent).toMatchObject({
      visibility: 'public',
      actor: { kind: 'system' },
      to: 'free',
      details: { agentName: 'Agent free' },
    });
    expect(await countOf(value.caseId, 'status_changed')).toBe(1);
  });

  it('leaves the case open and records queued_unassigned once when nobody can take it', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'away', { available: false });
    const value = await putCase(fixture, openCase(storeId));

    // Act
    const first = await autoAssign(dependencies, value.caseId);
    const second = await autoAssign(dependencies, value.caseId);

    // Assess
    expect([first.outcome, second.outcome]).toEqual(['unassigned', 'unassigned']);
    expect(await caseOf(fixture, value.caseId)).toEqual(value);
    expect(await countOf(value.caseId, 'queued_unassigned')).toBe(1);
    const queued = (await timelineOf(fixture, value.caseId)).find((event) => event.type === 'queued_unassigned');
    expect(queued?.visibility).toBe('internal');
  });

  it.each<[string, Partial<Case>]>([
    [
      'already assigned',
      {
        status: 'assigned',
        assignee: { agentId: 'x', name: 'x', assignedAt: '2026-11-20T08:00:00.000Z', assignedBy: 'assignment' },
      },
    ],
    ['cancelled', { status: 'cancelled' }],
    ['still in review', { status: 'pending_review' }],
  ])('does nothing when the case is %s', async (_label, overrides) => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const value = await putCase(fixture, openCase(storeId, overrides));

    // Act
    const result = await autoAssign(dependencies, value.caseId);

    // Assess
    expect(result).toEqual({ outcome: 'not_waiting' });
    expect((await fixture.agents.get(storeId, 'a1'))?.openCases).toBe(0);
    expect(await timelineOf(fixture, value.caseId)).toHaveLength(1);
  });

  it('keeps every agent within maxOpenCases and assigns each case at most once under 40 concurrent calls', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1', { maxOpenCases: 5 });
    await putAgent(fixture, storeId, 'a2', { maxOpenCases: 5 });
    // Four calls for each of the 10 places: every place is contended, and most calls must give up.
    const cases = await Promise.all(Array.from({ length: 40 }, () => putCase(fixture, openCase(storeId))));

    // Act
    const results = await Promise.allSettled(cases.map((value) => autoAssign(dependencies, value.caseId)));

    // Assess
    const failures = results.filter((result) => result.status === 'rejected');
    expect(failures).toEqual([]);
    const outcomes = results.map((result) => (result.status === 'fulfilled' ? result.value.outcome : 'failed'));
    expect(outcomes.filter((outcome) => outcome === 'assigned')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome === 'unassigned')).toHaveLength(30);

    const agents = await fixture.agents.list(storeId);
    expect(agents.map((agent) => [agent.agentId, agent.openCases])).toEqual([
      ['a1', 5],
      ['a2', 5],
    ]);

    const stored = await Promise.all(cases.map((value) => caseOf(fixture, value.caseId)));
    const assignedEvents = await Promise.all(cases.map((value) => countOf(value.caseId, 'assigned')));
    expect(assignedEvents.every((count) => count <= 1)).toBe(true);
    expect(assignedEvents.reduce((sum, count) => sum + count, 0)).toBe(10);
    const assigned = stored.filter((value) => value.assignee);
    expect(assigned).toHaveLength(10);
    expect(assigned.every((value) => value.status === 'assigned')).toBe(true);
    for (const agentId of ['a1', 'a2']) {
      expect(assigned.filter((value) => value.assignee?.agentId === agentId)).toHaveLength(5);
      const queue = await fixture.cases.listQueue(storeId, { agentId, state: 'active' }, { limit: 10 });
      expect(queue.items).toHaveLength(5);
    }
    const waiting = stored.filter((value) => !value.assignee);
    expect(waiting.every((value) => value.status === 'open')).toBe(true);
    const unassignedQueue = await fixture.cases.listQueue(storeId, { agentId: null, state: 'active' }, { limit: 100 });
    expect(unassignedQueue.items).toHaveLength(30);
  });

  it('assigns a burst of 60 concurrent cases to agents with room, each within a few directory reads, evenly', async () => {
    // Prepare: room for every case, so each one must end assigned (a lost race is no reason to give up).
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1', { maxOpenCases: 500 });
    await putAgent(fixture, storeId, 'a2', { maxOpenCases: 500 });
    // 60 at once on two agents: most cases lose races, and N² reads (3,600) are six times the bound below.
    const cases = await Promise.all(Array.from({ length: 60 }, () => putCase(fixture, openCase(storeId))));
    let directoryReads = 0;
    const agents = new Proxy(fixture.agents, {
      get: (target, property, receiver) =>
        property === 'list'
          ? (id: string) => {
              directoryReads += 1;
              return target.list(id);
            }
          : Reflect.get(target, property, receiver),
    });
    const counting = { ...dependencies, agents };

    // Act
    const results = await Promise.allSettled(cases.map((value) => autoAssign(counting, value.caseId)));

    // Assess
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(results.every((result) => result.status === 'fulfilled' && result.value.outcome === 'assigned')).toBe(true);
    // Ranking again after every lost race made a burst cost N² reads (and the last cases a task timeout).
    expect(directoryReads).toBeLessThanOrEqual(cases.length * 10);
    const loads = (await fixture.agents.list(storeId)).map((agent) => agent.openCases);
    expect(loads.reduce((sum, load) => sum + load, 0)).toBe(cases.length);
    expect(Math.abs((loads[0] ?? 0) - (loads[1] ?? 0))).toBeLessThanOrEqual(2 * MAX_LOAD_SLACK);
  });

  it('assigns a case once when a supervisor and the automatic assignment race for it', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    await putAgent(fixture, storeId, 'a2');
    const cases = await Promise.all(Array.from({ length: 5 }, () => putCase(fixture, openCase(storeId))));

    const racing = { ...dependencies, cases: casesReadTogether(fixture) };

    // Act
    const races = await Promise.all(
      cases.map(async ({ caseId }) => {
        const [auto, staff] = await Promise.allSettled([
          autoAssign(racing, caseId),
          assignByStaff(racing, { caseId, agentId: 'a2', by: staffUser(storeId) }),
        ]);
        return { caseId, auto, staff };
      }),
    );

    // Assess
    for (const { caseId, auto, staff } of races) {
      expect(await countOf(caseId, 'assigned')).toBe(1);
      const autoWon = auto.status === 'fulfilled' && auto.value.outcome === 'assigned';
      const staffWon = staff.status === 'fulfilled';
      expect(autoWon !== staffWon).toBe(true);
      if (!autoWon) expect(auto).toMatchObject({ status: 'fulfilled', value: { outcome: 'not_waiting' } });
      if (!staffWon) expect(staff).toMatchObject({ status: 'rejected', reason: expect.any(StateConflictError) });
      const assignedBy = (await caseOf(fixture, caseId)).assignee?.assignedBy;
      expect(assignedBy).toBe(staffWon ? 'supervisor1' : 'assignment');
    }
    const stored = await Promise.all(cases.map((value) => caseOf(fixture, value.caseId)));
    const agents = await fixture.agents.list(storeId);
    for (const agent of agents) {
      expect(agent.openCases).toBe(stored.filter((value) => value.assignee?.agentId === agent.agentId).length);
    }
    expect(agents.reduce((sum, agent) => sum + agent.openCases, 0)).toBe(5);
  });
});
