import type { Agent } from '../../domain/agent.js';

/** An agent as admins and supervisors see it: the profile with its current load. */
export const agentView = (agent: Agent) => ({
  agentId: agent.agentId,
  name: agent.name,
  email: agent.email,
  skills: agent.skills,
  maxOpenCases: agent.maxOpenCases,
  available: agent.available,
  supervisorId: agent.supervisorId ?? null,
  openCases: agent.openCases,
  lastAssignedAt: agent.lastAssignedAt ?? null,
  createdAt: agent.createdAt,
  updatedAt: agent.updatedAt,
  version: agent.version ?? 0,
});
