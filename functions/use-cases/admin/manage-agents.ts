import type { Dependencies } from '../../commons/dependencies.js';
import { AGENT_ID_PATTERN, type Agent, type AgentProfile } from '../../domain/agent.js';
import { NotFoundError } from '../../domain/errors.js';
import { offerFreedCapacity } from '../assignment/offer-freed-capacity.js';

/** The store's agents (`GET /v1/admin/agents`, supervisors and admins), ordered by agentId. */
export const listAgents = async ({ agents }: Pick<Dependencies, 'agents'>, storeId: string): Promise<Agent[]> =>
  [...(await agents.list(storeId))].sort((a, b) => a.agentId.localeCompare(b.agentId));

/**
 * Adds an agent to the admin's store (`POST /v1/admin/agents`): 409 when the agentId exists. A new available agent is
 * new capacity, so waiting cases are offered to it (just after, `offerFreedCapacity`). Returns the agent (load zero).
 */
export const createAgent = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  storeId: string,
  profile: AgentProfile,
): Promise<Agent> => {
  const created = await dependencies.agents.create(storeId, profile, dependencies.clock.now());
  await offerFreedCapacity(dependencies, storeId);
  return created;
};

/**
 * Replaces an agent's profile (`PUT /v1/admin/agents/{agentId}`), keeping their load: 404 for an unknown agent (or a
 * malformed id). Lowering `maxOpenCases` below the current load takes nothing away; the agent just gets no new case
 * until below it. Made available or given more capacity, the agent is offered waiting cases just after.
 */
export const updateAgent = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  storeId: string,
  profile: AgentProfile,
): Promise<Agent> => {
  if (!AGENT_ID_PATTERN.test(profile.agentId)) throw new NotFoundError('No such agent');
  const updated = await dependencies.agents.update(storeId, profile, dependencies.clock.now());
  await offerFreedCapacity(dependencies, storeId);
  return updated;
};
