import { z } from 'zod';
import type { Case } from '../functions/domain/case.js';
import { updateAgentBodySchema } from '../functions/schemas/admin-requests.js';
import type { LocalStack } from '../local/stack.js';
import { signIn, storefront, type BenchApi, type Caller } from './api-client.js';

/** The people of store A who drive the bench, each signed in once (`POST /_local/login`, not part of any count). */
export interface Actors {
  storefront: Caller;
  supervisor: Caller;
  admin: Caller;
  /** The signed-in assignee of a case: an agent acts only on the cases assigned to them. */
  assigneeOf(value: Pick<Case, 'caseId' | 'assignee'>): Caller;
}

/** Store A's seeded agents (local/seed.ts). */
export const STORE_A_AGENTS = ['agent1', 'agent2'] as const;

export const signInActors = async (api: BenchApi, stack: LocalStack): Promise<Actors> => {
  const agents = new Map<string, Caller>();
  for (const agentId of STORE_A_AGENTS) agents.set(agentId, await signIn(api, agentId));
  return {
    storefront: storefront(api, stack.apiKeys.storeA),
    supervisor: await signIn(api, 'supervisor1'),
    admin: await signIn(api, 'admin1'),
    assigneeOf: (value) => {
      const agent = value.assignee ? agents.get(value.assignee.agentId) : undefined;
      if (!agent) throw new Error(`Case ${value.caseId} is assigned to ${value.assignee?.agentId ?? 'nobody'}`);
      return agent;
    },
  };
};

/** An agent as `GET /v1/admin/agents` lists it: the profile `PUT` takes back (supervisorId null when none), its id. */
const listedAgentSchema = z.object({
  ...updateAgentBodySchema.shape,
  agentId: z.string(),
  supervisorId: z.string().nullable(),
});
const agentListSchema = z.object({ items: z.array(listedAgentSchema) });

/** Sets an agent's availability through the admin API, keeping the rest of the profile. */
export const setAvailable = async (admin: Caller, agentId: string, available: boolean): Promise<void> => {
  const { items } = agentListSchema.parse(await admin.get('/v1/admin/agents'));
  const agent = items.find((candidate) => candidate.agentId === agentId);
  if (!agent) throw new Error(`No agent ${agentId} in the directory`);
  const { name, email, skills, maxOpenCases, supervisorId } = agent;
  await admin.put(`/v1/admin/agents/${agentId}`, {
    name,
    email,
    skills,
    maxOpenCases,
    available,
    ...(supervisorId === null ? {} : { supervisorId }),
  });
};
