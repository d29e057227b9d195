import { describe, expect, it } from 'vitest';
import { assertCaseAccess, queueAgentFor } from '../../../functions/domain/case-access.js';
import { ForbiddenError, NotFoundError } from '../../../functions/domain/errors.js';
import type { StaffUser } from '../../../functions/domain/staff.js';

type User = Pick<StaffUser, 'roles' | 'storeId' | 'agentId'>;

const agent1: User = { roles: ['agent'], storeId: 'store-a', agentId: 'agent1' };
const agent2: User = { roles: ['agent'], storeId: 'store-a', agentId: 'agent2' };
const agentWithoutId: User = { roles: ['agent'], storeId: 'store-a' };
const supervisor: User = { roles: ['supervisor'], storeId: 'store-a' };
const admin: User = { roles: ['admin'], storeId: 'store-a' };
const supervisingAgent: User = { roles: ['agent', 'supervisor'], storeId: 'store-a', agentId: 'agent1' };
const otherStoreAdmin: User = { roles: ['admin'], storeId: 'store-b' };
const otherStoreAgent1: User = { roles: ['agent'], storeId: 'store-b', agentId: 'agent1' };

const assignee = (agentId: string) => ({ agentId, name: 'Agent', assignedAt: '2026-11-01T00:00:00Z', assignedBy: 'x' });
const assignedToAgent1 = { storeId: 'store-a', assignee: assignee('agent1') };
const unassigned = { storeId: 'store-a' };

const outcome = (act: () => unknown): string => {
  try {
    act();
    return 'allowed';
  } catch (error) {
    if (error instanceof NotFoundError) return '404';
    if (error instanceof ForbiddenError) return '403';
    throw error;
  }
};

describe('Function: assertCaseAccess', () => {
  it.each([
    ['the assigned agent', agent1, assignedToAgent1, 'allowed'],
    ['another agent', agent2, assignedToAgent1, '403'],
    ['an agent on an unassigned case', agent1, unassigned, '403'],
    ['an agent without a directory entry', agentWithoutId, unassigned, '403'],
    ['a supervisor', supervisor, assignedToAgent1, 'allowed'],
    ['a supervisor on an unassigned case', supervisor, unassigned, 'allowed'],
    ['an admin', admin, assignedToAgent1, 'allowed'],
    ['an agent who also supervises', supervisingAgent, unassigned, 'allowed'],
    ["another store's admin", otherStoreAdmin, assignedToAgent1, '404'],
    ["another store's agent with the same agentId", otherStoreAgent1, assignedToAgent1, '404'],
  ])('returns %s -> %s', (_label, user, value, expected) => {
    expect(outcome(() => assertCaseAccess(user, value))).toBe(expected);
  });
});

describe('Function: queueAgentFor', () => {
  it.each([
    ['an agent by default', agent1, undefined, 'agent1'],
    ['an agent asking for me', agent1, 'me', 'agent1'],
    ['an agent naming themselves', agent1, 'agent1', 'agent1'],
    ['an agent asking for another agent', agent1, 'agent2', '403'],
    ['an agent asking for the unassigned queue', agent1, 'unassigned', '403'],
    ['an agent without a directory entry', agentWithoutId, 'me', '403'],
    ['a supervisor by default', supervisor, undefined, null],
    ['a supervisor asking for an agent', supervisor, 'agent2', 'agent2'],
    ['a supervisor asking for unassigned', supervisor, 'unassigned', null],
    ['a supervisor without a queue asking for me', supervisor, 'me', '403'],
    ['a supervising agent asking for me', supervisingAgent, 'me', 'agent1'],
  ])('returns the queue of %s', (_label, user, selector, expected) => {
    let queue: string | null = 'not called';
    const result = outcome(() => {
      queue = queueAgentFor(user, selector);
    });
    expect(result === 'allowed' ? queue : result).toBe(expected);
  });
});
