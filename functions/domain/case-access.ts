import type { Case } from './case.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { isSupervising, type StaffUser } from './staff.js';

type AccessUser = Pick<StaffUser, 'roles' | 'storeId' | 'agentId'>;

/**
 * Who may act on a case: anyone of the case's store who supervises (supervisor, admin), or the agent it is assigned
 * to. Another store's case is reported as missing (404), never as forbidden, so its existence is not revealed.
 */
export const assertCaseAccess = (user: AccessUser, value: Pick<Case, 'storeId' | 'assignee'>): void => {
  if (value.storeId !== user.storeId) throw new NotFoundError('No such case');
  if (isSupervising(user)) return;
  if (!user.agentId || value.assignee?.agentId !== user.agentId) {
    throw new ForbiddenError('This case is not assigned to you');
  }
};

/** The queue a staff user asked for: `me`, `unassigned` or an agentId; null is the unassigned queue. */
export type QueueSelector = 'me' | 'unassigned' | (string & {});

/**
 * Resolves `?assignee=` to the queue's agentId (null: unassigned). Agents see only their own queue, by default too;
 * supervisors and admins default to the unassigned queue and may read any agent's.
 */
export const queueAgentFor = (user: AccessUser, selector: QueueSelector | undefined): string | null => {
  const supervising = isSupervising(user);
  const wanted = selector ?? (supervising ? 'unassigned' : 'me');
  const agentId = wanted === 'unassigned' ? null : wanted === 'me' ? (user.agentId ?? null) : wanted;
  if (supervising) {
    if (wanted === 'me' && !user.agentId) throw new ForbiddenError('You have no queue of your own');
    return agentId;
  }
  if (!user.agentId || agentId !== user.agentId) throw new ForbiddenError('Agents see only their own queue');
  return agentId;
};
