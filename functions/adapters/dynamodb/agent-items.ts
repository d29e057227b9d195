import type { Agent } from '../../domain/agent.js';

/** How agents are laid out in the agents table (see functions/wiring/tables.ts): one partition per store. */
export const agentPartition = (storeId: string): string => `STORE#${storeId}`;
export const AGENT_SORT_PREFIX = 'AGENT#';

export const agentKey = (storeId: string, agentId: string) => ({
  pk: agentPartition(storeId),
  sk: `${AGENT_SORT_PREFIX}${agentId}`,
});

export const toAgentItem = (agent: Agent): Record<string, unknown> => ({
  ...agentKey(agent.storeId, agent.agentId),
  entity: 'agent',
  ...agent,
});

export const fromAgentItem = (item: Record<string, unknown>): Agent => {
  const { pk: _pk, sk: _sk, entity: _entity, ...agent } = item;
  return agent as unknown as Agent;
};
