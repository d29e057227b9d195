import type { Dependencies } from '../../commons/dependencies.js';
import type { Agent } from '../../domain/agent.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import { updateAgent } from './manage-agents.js';

/**
 * Puts an agent of the user's store on or off shift (the console's agents board): supervisors and admins only (403
 * otherwise), 404 for an agent not in the store. The rest of the profile is kept as read, and the change goes
 * through `updateAgent`, the admin API's use case, so an agent made available is offered waiting cases just after.
 * Setting what is already set changes nothing.
 */
export const setAgentAvailability = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  user: StaffUser,
  agentId: string,
  available: boolean,
): Promise<Agent> => {
  if (!isSupervising(user)) throw new ForbiddenError('Only supervisors and admins change availability');
  const agent = await dependencies.agents.get(user.storeId, agentId);
  if (!agent) throw new NotFoundError('No such agent');
  if (agent.available === available) return agent;
  // The profile as read, without the load fields the directory keeps itself.
  const {
    storeId,
    openCases: _load,
    lastAssignedAt: _last,
    createdAt: _created,
    updatedAt: _updated,
    ...profile
  } = agent;
  return updateAgent(dependencies, storeId, { ...profile, available });
};
