import type { AgentProfile } from '../../functions/domain/agent.js';
import type { ApiResponse } from './local-stack.js';
import type { StaffApi } from './staff-api.js';

/** What `PUT /v1/admin/agents/{agentId}` takes, without the id. */
type EditableProfile = Omit<AgentProfile, 'agentId'>;

/** Every agent of the admin's store, as listed, with only the fields an update sends back. */
const editableProfiles = async (admin: StaffApi): Promise<Map<string, EditableProfile>> => {
  const { items } = (await admin.get('/v1/admin/agents')).json as {
    items: Array<EditableProfile & { agentId: string; supervisorId?: string | null }>;
  };
  return new Map(
    items.map(({ agentId, name, email, skills, maxOpenCases, available, supervisorId }) => [
      agentId,
      { name, email, skills, maxOpenCases, available, ...(typeof supervisorId === 'string' ? { supervisorId } : {}) },
    ]),
  );
};

/** The agent's profile as it is now, so an update changes nothing else. */
export const editableProfileOf = async (admin: StaffApi, agentId: string): Promise<EditableProfile> => {
  const profile = (await editableProfiles(admin)).get(agentId);
  if (!profile) throw new Error(`${agentId} is not listed`);
  return profile;
};

/**
 * Changes the same fields of several agents of the admin's store (every agent when no ids are given), keeping the rest
 * of each profile; returns the answers in order, for the test to assert.
 */
export const updateAgents = async (
  admin: StaffApi,
  changes: Partial<EditableProfile>,
  agentIds?: readonly string[],
): Promise<ApiResponse[]> => {
  const profiles = await editableProfiles(admin);
  const answers: ApiResponse[] = [];
  for (const agentId of agentIds ?? [...profiles.keys()]) {
    const profile = profiles.get(agentId);
    if (!profile) throw new Error(`${agentId} is not listed`);
    answers.push(await admin.put(`/v1/admin/agents/${agentId}`, { ...profile, ...changes }));
  }
  return answers;
};
