import type { Agent } from './agent.js';
import type { Case, Customer } from './case.js';

/**
 * Who may take a case, and who should. Categories are free text (a store's own catalogue), so an agent who handles
 * every category lists `*` instead of naming them all; types and locales are closed lists and have no wildcard.
 */
export const ANY_CATEGORY = '*';

export type AssignableCase = Pick<Case, 'type' | 'items'> & { customer: Pick<Customer, 'locale'> };

type Candidate = Pick<Agent, 'agentId' | 'available' | 'openCases' | 'maxOpenCases' | 'skills' | 'lastAssignedAt'>;

const coversCategory = (categories: readonly string[], category: string): boolean =>
  categories.includes(ANY_CATEGORY) || categories.includes(category);

/** Available, below capacity, and skilled in the case's type, every item's category and the customer's language. */
export const isEligible = (agent: Candidate, value: AssignableCase): boolean =>
  agent.available &&
  agent.openCases < agent.maxOpenCases &&
  agent.skills.types.includes(value.type) &&
  value.items.every((item) => coversCategory(agent.skills.categories, item.category)) &&
  agent.skills.locales.includes(value.customer.locale);

/** Load relative to capacity, compared by cross-multiplication so 1/3 and 2/6 tie exactly. */
const byRelativeLoad = (a: Candidate, b: Candidate): number =>
  a.openCases * b.maxOpenCases - b.openCases * a.maxOpenCases;

/** Never assigned sorts first; then whoever has waited longest (ISO timestamps compare as strings). */
const byLongestWaiting = (a: Candidate, b: Candidate): number => {
  if (a.lastAssignedAt === b.lastAssignedAt) return 0;
  if (a.lastAssignedAt === undefined) return -1;
  if (b.lastAssignedAt === undefined) return 1;
  return a.lastAssignedAt < b.lastAssignedAt ? -1 : 1;
};

const byAgentId = (a: Candidate, b: Candidate): number => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

/**
 * The eligible agents, best first: lowest load relative to `maxOpenCases`, then longest since their last assignment,
 * then by agentId so the order never depends on how the directory was read.
 */
export const rankCandidates = <A extends Candidate>(agents: readonly A[], value: AssignableCase): A[] =>
  agents
    .filter((agent) => isEligible(agent, value))
    .sort((a, b) => byRelativeLoad(a, b) || byLongestWaiting(a, b) || byAgentId(a, b));

/** Whether any agent could take one more case of some kind: assigning waiting cases stops when none can. */
export const anyAgentHasRoom = (agents: ReadonlyArray<Pick<Agent, 'available' | 'openCases' | 'maxOpenCases'>>) =>
  agents.some((agent) => agent.available && agent.openCases < agent.maxOpenCases);
