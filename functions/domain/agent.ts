import type { CaseType, Locale } from './case.js';

/** What an agent can take: a case is eligible for them when its type, every product category and its locale match. */
export interface AgentSkills {
  types: CaseType[];
  categories: string[];
  locales: Locale[];
}

/** A person cases are assigned to, in one store's agent directory (`/v1/admin/agents`). */
export interface Agent {
  storeId: string;
  agentId: string;
  name: string;
  email: string;
  skills: AgentSkills;
  /** No new case is assigned while `openCases` has reached this. */
  maxOpenCases: number;
  /** Off shift, on leave: not assigned new cases. */
  available: boolean;
  /** The agent's supervisor (an agentId or staff user id), told when the agent's cases escalate. */
  supervisorId?: string;
  /** Cases assigned and not yet resolved or cancelled; changed only in the same transaction as the case. */
  openCases: number;
  /** When the agent last received a case; ties on load go to whoever waited longest. */
  lastAssignedAt?: string;
  createdAt: string;
  updatedAt: string;
  /** One up with each profile change (1 when created; absent, read as 0, on agents not edited since versions came). */
  version?: number;
}

/** What an admin sets; the load fields and the version are the system's. */
export type AgentProfile = Omit<
  Agent,
  'storeId' | 'openCases' | 'lastAssignedAt' | 'createdAt' | 'updatedAt' | 'version'
>;

/** The profile an admin edits, as stored now (what a partial update is merged onto). */
export const agentProfileOf = ({
  agentId,
  name,
  email,
  skills,
  maxOpenCases,
  available,
  supervisorId,
}: Agent): AgentProfile => ({
  agentId,
  name,
  email,
  skills,
  maxOpenCases,
  available,
  ...(supervisorId === undefined ? {} : { supervisorId }),
});

export const AGENT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
