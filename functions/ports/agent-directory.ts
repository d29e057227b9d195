import type { Agent, AgentProfile } from '../domain/agent.js';

/** A store's agent directory. Load counters (`openCases`, `lastAssignedAt`) change only with a case, in `CaseStore`. */
export interface AgentDirectory {
  /** Every agent of the store (strongly consistent: assignment decides on it). */
  list(storeId: string): Promise<Agent[]>;
  get(storeId: string, agentId: string): Promise<Agent | undefined>;
  /** Throws `StateConflictError` when the agent exists. */
  create(storeId: string, profile: AgentProfile, now: Date): Promise<Agent>;
  /**
   * Replaces the profile, keeping the load counters; the version goes up by one. With `replacing`, only while that is
   * the stored version (`StateConflictError` otherwise: another admin saved meanwhile). Throws `NotFoundError` when the
   * agent does not exist.
   */
  update(storeId: string, profile: AgentProfile, now: Date, replacing?: number): Promise<Agent>;
}
