import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, StateConflictError } from '../../../functions/domain/errors.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import {
  agentProfile,
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

describe('Function: DynamoAgentDirectory', () => {
  it('creates an agent with no load and reads it back', async () => {
    // Prepare
    const storeId = freshStoreId();
    const now = new Date('2026-11-20T08:00:00.000Z');

    // Act
    const created = await fixture.agents.create(storeId, agentProfile('a1', { supervisorId: 'supervisor1' }), now);

    // Assess
    expect(created).toEqual({
      ...agentProfile('a1', { supervisorId: 'supervisor1' }),
      storeId,
      openCases: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    });
    expect(await fixture.agents.get(storeId, 'a1')).toEqual(created);
  });

  it('throws StateConflictError when the agent exists, and keeps the first one', async () => {
    // Prepare
    const storeId = freshStoreId();
    const first = await putAgent(fixture, storeId, 'a1');

    // Act
    const again = fixture.agents.create(storeId, agentProfile('a1', { name: 'Someone else' }), new Date());

    // Assess
    await expect(again).rejects.toBeInstanceOf(StateConflictError);
    expect(await fixture.agents.get(storeId, 'a1')).toEqual(first);
  });

  it("lists the store's agents only", async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'b');
    await putAgent(fixture, storeId, 'a');
    await putAgent(fixture, freshStoreId(), 'c');

    // Act
    const agents = await fixture.agents.list(storeId);

    // Assess
    expect(agents.map((agent) => agent.agentId)).toEqual(['a', 'b']);
    expect(await fixture.agents.list(freshStoreId())).toEqual([]);
  });

  it('replaces the profile and keeps the load counters', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1', { supervisorId: 'supervisor1' });
    const value = await putCase(fixture, openCase(storeId));
    const at = new Date().toISOString();
    await fixture.cases.update(value, {
      ifStatusIn: ['open'],
      set: { status: 'assigned', assignee: { agentId: 'a1', name: 'a1', assignedAt: at, assignedBy: 'assignment' } },
      agentLoad: { take: { storeId, agentId: 'a1' }, at },
      events: [timelineEvent(value.caseId, new Date(at), 'assigned', SYSTEM)],
    });
    const later = new Date(Date.now() + 60_000);
    const profile = agentProfile('a1', {
      name: 'Renamed',
      maxOpenCases: 9,
      available: false,
      skills: { types: ['repair'], categories: ['appliances'], locales: ['en'] },
    });

    // Act
    const updated = await fixture.agents.update(storeId, profile, later);

    // Assess
    expect(updated).toMatchObject({ ...profile, openCases: 1, lastAssignedAt: at, updatedAt: later.toISOString() });
    expect(updated).not.toHaveProperty('supervisorId');
    expect(await fixture.agents.get(storeId, 'a1')).toEqual(updated);
  });

  it('throws NotFoundError when updating an agent that does not exist, and creates nothing', async () => {
    // Prepare
    const storeId = freshStoreId();

    // Act
    const attempt = fixture.agents.update(storeId, agentProfile('ghost'), new Date());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(await fixture.agents.get(storeId, 'ghost')).toBeUndefined();
  });

  it('saves over the version it replaces only: a newer one is a StateConflictError and stays as it was', async () => {
    // Prepare
    const storeId = freshStoreId();
    await putAgent(fixture, storeId, 'a1');
    const first = await fixture.agents.update(storeId, agentProfile('a1', { maxOpenCases: 7 }), new Date(), 1);

    // Act
    const stale = fixture.agents.update(storeId, agentProfile('a1', { maxOpenCases: 2 }), new Date(), 1);

    // Assess
    expect(first).toMatchObject({ maxOpenCases: 7, version: 2 });
    await expect(stale).rejects.toBeInstanceOf(StateConflictError);
    expect(await fixture.agents.get(storeId, 'a1')).toEqual(first);
    await expect(fixture.agents.update(freshStoreId(), agentProfile('ghost'), new Date(), 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
