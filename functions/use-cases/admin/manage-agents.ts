import type { Dependencies } from '../../commons/dependencies.js';
import { AGENT_ID_PATTERN, agentProfileOf, type Agent, type AgentProfile } from '../../domain/agent.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import { mergePatch } from '../../domain/merge-patch.js';
import { updateAgentBodySchema, type PatchAgentBody } from '../../schemas/admin-requests.js';
import { validate } from '../../schemas/validate.js';
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

/**
 * Changes only the fields sent (`PATCH /v1/admin/agents/{agentId}`, a JSON Merge Patch), keeping the load:
 * 1. 404 for an unknown agent (or a malformed id);
 * 2. a `version` sent back that is not the stored one is a 409 (another admin saved since the client read it);
 * 3. merges the patch onto the stored profile and checks the result whole (400 naming each field);
 * 4. writes it conditional on the version merged onto (a save landing between 1 and 4 is a 409, not lost);
 * 5. offers waiting cases the capacity it may have freed, as `updateAgent` does.
 */
export const patchAgent = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  storeId: string,
  agentId: string,
  { version: readVersion, ...patch }: PatchAgentBody,
): Promise<Agent> => {
  const stored = AGENT_ID_PATTERN.test(agentId) ? await dependencies.agents.get(storeId, agentId) : undefined;
  if (!stored) throw new NotFoundError('No such agent');
  const storedVersion = stored.version ?? 0;
  if (readVersion !== undefined && readVersion !== storedVersion) {
    throw new StateConflictError(`Agent ${agentId} was changed meanwhile (version ${storedVersion})`);
  }
  const { agentId: _agentId, ...profile } = agentProfileOf(stored);
  const merged = validate(updateAgentBodySchema, mergePatch(profile, patch), 'body');
  const updated = await dependencies.agents.update(
    storeId,
    { ...merged, agentId },
    dependencies.clock.now(),
    storedVersion,
  );
  await offerFreedCapacity(dependencies, storeId);
  return updated;
};

/** One agent of the store, for its edit page; undefined for an unknown agent or a malformed id. */
export const findAgent = async (
  { agents }: Pick<Dependencies, 'agents'>,
  storeId: string,
  agentId: string,
): Promise<Agent | undefined> => (AGENT_ID_PATTERN.test(agentId) ? agents.get(storeId, agentId) : undefined);
