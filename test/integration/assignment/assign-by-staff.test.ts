import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import {
  AgentUnavailableError,
  ForbiddenError,
  NotFoundError,
  StateConflictError,
} from '../../../functions/domain/errors.js';
import { systemClock } from '../../../functions/ports/clock.js';
import { assignByStaff } from '../../../functions/use-cases/assignment/assign-by-staff.js';
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

let fixture: DynamoFixture;
let dependencies: Pick<DynamoFixture, 'cases' | 'agents'> & { clock: typeof systemClock };

beforeAll(async () => {
  fixture = await startDynamoFixture();
  dependencies = { cases: fixture.cases, agents: fixture.agents, clock: systemClock };
});
afterAll(async () => fixture?.stop());

const loadOf = async (storeId: string, agentId: string) => (await fixture.agents.get(storeId, agentId))?.openCases;
const eventsOf = async (caseId: string, type: string) =>
  (await timelineOf(fixture, caseId)).filter((event) => event.type === type);

/** A store with agents a1 and a2, and a case assigned to a1 in `status`. */
const assignedToA1 = async (status: Case['status']) => {
  const storeId = freshStoreId();
  await putAgent(fixture, storeId, 'a1');
  await putAgent(fixture, storeId, 'a2');
  const value = await putCase(fixture, openCase(storeId));
  await assignByStaff(dependencies, { caseId: value.caseId, agentId: 'a1', by: staffUser(storeId) });
  if (status !== 'assigned') {
    const assigned = await caseOf(fixture, value.caseId);
    await fixture.cases.update(assigned, { ifStatusIn: ['assigned'], set: { status }, events: [] });
  }
  return { storeId, caseId: value.caseId };
};

describe('Function: assignByStaff', () => {
  it('assigns an open case: status assigned, the agent takes the load, an assigned event by the supervisor', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const value = await putCase(fixture, openCase(storeId));

    // Act
    const assigned = await assignByStaff(dependencies, { caseId: value.caseId, agentId: 'a1', by: staffUser(storeId) });

    // Assess
    expect(assigned).toMatchObject({ status: 'assigned', assignee: { agentId: 'a1', assignedBy: 'supervisor1' } });
    expect(await fixture.cases.get(value.caseId)).toEqual(assigned);
    expect(await loadOf(storeId, 'a1')).toBe(1);
    const [event] = await eventsOf(value.caseId, 'assigned');
    expect(event).toMatchObject({
      visibility: 'public',
      actor: { kind: 'staff', id: 'supervisor1', name: 'Supervisor One' },
      to: 'a1',
      details: { agentName: 'Agent a1' },
    });
    expect(event).not.toHaveProperty('from');
  });

  it.each<Case['status']>(['assigned', 'in_progress', 'awaiting_customer'])(
    'reassigns a case %s: the status stays, the load moves from the previous agent',
    async (status) => {
      // Prepare
      const { storeId, caseId } = await assignedToA1(status);

      // Act
      const reassigned = await assignByStaff(dependencies, { caseId, agentId: 'a2', by: staffUser(storeId) });

      // Assess
      expect(reassigned).toMatchObject({ status, assignee: { agentId: 'a2' } });
      expect([await loadOf(storeId, 'a1'), await loadOf(storeId, 'a2')]).toEqual([0, 1]);
      const events = await eventsOf(caseId, 'assigned');
      expect(events.at(-1)).toMatchObject({ from: 'a1', to: 'a2', details: { previousAgentName: 'Agent a1' } });
      const queue = await fixture.cases.listQueue(storeId, { agentId: 'a2', state: 'active' }, { limit: 5 });
      expect(queue.items.map((item) => item.caseId)).toEqual([caseId]);
    },
  );

  it('refuses to assign the case to its current assignee (409) and changes nothing', async () => {
    // Prepare
    const { storeId, caseId } = await assignedToA1('in_progress');

    // Act
    const attempt = assignByStaff(dependencies, { caseId, agentId: 'a1', by: staffUser(storeId) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(StateConflictError);
    expect(await loadOf(storeId, 'a1')).toBe(1);
    expect(await eventsOf(caseId, 'assigned')).toHaveLength(1);
  });

  it.each<[string, Partial<Case>]>([
    ['submitted', { status: 'submitted', decision: undefined }],
    ['in review', { status: 'pending_review', decision: undefined }],
    ['resolved', { status: 'resolved' }],
    ['cancelled', { status: 'cancelled' }],
  ])('refuses a case %s with StateConflictError', async (_label, overrides) => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const value = await putCase(fixture, openCase(storeId, overrides));

    // Act
    const attempt = assignByStaff(dependencies, { caseId: value.caseId, agentId: 'a1', by: staffUser(storeId) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(StateConflictError);
    expect(await loadOf(storeId, 'a1')).toBe(0);
  });

  it.each<[string, { available?: boolean; maxOpenCases?: number }]>([
    ['unavailable', { available: false }],
    ['at capacity', { maxOpenCases: 0 }],
  ])('throws AgentUnavailableError when the agent is %s, and keeps the previous assignee', async (_label, agent) => {
    // Prepare
    const { storeId, caseId } = await assignedToA1('in_progress');
    await putAgent(fixture, storeId, 'a3', agent);

    // Act
    const attempt = assignByStaff(dependencies, { caseId, agentId: 'a3', by: staffUser(storeId) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AgentUnavailableError);
    expect((await fixture.cases.get(caseId))?.assignee?.agentId).toBe('a1');
    expect([await loadOf(storeId, 'a1'), await loadOf(storeId, 'a3')]).toEqual([1, 0]);
  });

  it.each<[string, 'case' | 'agent']>([
    ["another store's case", 'case'],
    ["another store's agent", 'agent'],
  ])('throws NotFoundError for %s', async (_label, foreign) => {
    // Prepare
    const storeId = freshStoreId();
    const otherStoreId = freshStoreId();
    await putAgent(fixture, foreign === 'agent' ? otherStoreId : storeId, 'a1');
    const value = await putCase(fixture, openCase(foreign === 'case' ? otherStoreId : storeId));

    // Act
    const attempt = assignByStaff(dependencies, { caseId: value.caseId, agentId: 'a1', by: staffUser(storeId) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect((await fixture.cases.get(value.caseId))?.assignee).toBeUndefined();
  });

  it('throws ForbiddenError for an agent', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const value = await putCase(fixture, openCase(storeId));

    // Act
    const attempt = assignByStaff(dependencies, {
      caseId: value.caseId,
      agentId: 'a1',
      by: staffUser(storeId, { userId: 'agent1', roles: ['agent'], agentId: 'a1' }),
    });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(await loadOf(storeId, 'a1')).toBe(0);
  });

  it.each([
    ['a 3,000-character id (longer than a DynamoDB key)', 'x'.repeat(3_000)],
    ['a malformed id', 'not-a-case'],
    ['a lone surrogate', 'cs_\ud800'],
  ])('answers %s with NotFoundError, not a DynamoDB error (found by the API fuzz)', async (_label, caseId) => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');

    // Act
    const assigning = assignByStaff(dependencies, { caseId, agentId: 'a1', by: staffUser(storeId) });

    // Assess
    await expect(assigning).rejects.toBeInstanceOf(NotFoundError);
    expect(await loadOf(storeId, 'a1')).toBe(0);
  });

  it('lets exactly one of two concurrent reassignments win', async () => {
    // Prepare
    const { storeId, caseId } = await assignedToA1('in_progress');
    await putAgent(fixture, storeId, 'a3');

    const racing = { ...dependencies, cases: casesReadTogether(fixture) };

    // Act
    const results = await Promise.allSettled([
      assignByStaff(racing, { caseId, agentId: 'a2', by: staffUser(storeId) }),
      assignByStaff(racing, {
        caseId,
        agentId: 'a3',
        by: staffUser(storeId, { userId: 'admin1', roles: ['admin'] }),
      }),
    ]);

    // Assess
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: expect.any(StateConflictError),
    });
    const winner = (await fixture.cases.get(caseId))?.assignee?.agentId;
    const loads = { a1: await loadOf(storeId, 'a1'), a2: await loadOf(storeId, 'a2'), a3: await loadOf(storeId, 'a3') };
    expect(loads).toEqual({ a1: 0, a2: winner === 'a2' ? 1 : 0, a3: winner === 'a3' ? 1 : 0 });
  });
});
