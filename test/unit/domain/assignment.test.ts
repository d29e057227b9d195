import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../functions/domain/agent.js';
import {
  anyAgentHasRoom,
  isEligible,
  rankCandidates,
  type AssignableCase,
} from '../../../functions/domain/assignment.js';

const agent = (overrides: Partial<Agent> = {}): Agent => ({
  storeId: 'store-a',
  agentId: 'agent1',
  name: 'Agent One',
  email: 'agent1@store-a.example',
  skills: { types: ['return', 'repair'], categories: ['appliances', 'electronics'], locales: ['zh-CN', 'en'] },
  maxOpenCases: 5,
  available: true,
  openCases: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

const line = (category: string) => ({ sku: `SKU-${category}`, name: category, category, quantity: 1, unitPrice: 10 });

const kettleReturn: AssignableCase = {
  type: 'return',
  items: [line('appliances')],
  customer: { locale: 'zh-CN' },
};

describe('Function: isEligible', () => {
  it.each<[string, Partial<Agent>, Partial<AssignableCase>, boolean]>([
    ['an available agent with every skill and room', {}, {}, true],
    ['an unavailable agent', { available: false }, {}, false],
    ['an agent one below capacity', { openCases: 4 }, {}, true],
    ['an agent at capacity', { openCases: 5 }, {}, false],
    ['an agent above capacity (lowered maxOpenCases)', { openCases: 6 }, {}, false],
    ['an agent with no capacity at all', { maxOpenCases: 0 }, {}, false],
    ['an agent without the case type', {}, { type: 'refund' }, false],
    ['an agent without the customer locale', { skills: { ...agent().skills, locales: ['en'] } }, {}, false],
    ['an agent with every item category', {}, { items: [line('appliances'), line('electronics')] }, true],
    ['an agent missing one item category', {}, { items: [line('appliances'), line('furniture')] }, false],
    [
      'an agent with the category wildcard',
      { skills: { ...agent().skills, categories: ['*'] } },
      { items: [line('furniture')] },
      true,
    ],
    ['an agent whose type list has no wildcard', { skills: { ...agent().skills, types: [] } }, {}, false],
  ])('decides %s -> %s', (_label, agentOverrides, caseOverrides, eligible) => {
    // Prepare
    const candidate = agent(agentOverrides);
    const value = { ...kettleReturn, ...caseOverrides };

    // Act
    const result = isEligible(candidate, value);

    // Assess
    expect(result).toBe(eligible);
  });
});

describe('Function: rankCandidates', () => {
  it.each<[string, Array<Partial<Agent>>, string[]]>([
    [
      'lowest relative load first',
      [
        { agentId: 'a', openCases: 2, maxOpenCases: 4 },
        { agentId: 'b', openCases: 1, maxOpenCases: 4 },
        { agentId: 'c', openCases: 3, maxOpenCases: 10 },
      ],
      ['b', 'c', 'a'],
    ],
    [
      'equal relative loads tie and fall to the longest waiting',
      [
        { agentId: 'a', openCases: 1, maxOpenCases: 3, lastAssignedAt: '2026-11-02T00:00:00.000Z' },
        { agentId: 'b', openCases: 2, maxOpenCases: 6, lastAssignedAt: '2026-11-01T00:00:00.000Z' },
      ],
      ['b', 'a'],
    ],
    [
      'never assigned before anyone assigned earlier',
      [
        { agentId: 'a', lastAssignedAt: '2026-01-01T00:00:00.000Z' },
        { agentId: 'b', lastAssignedAt: undefined },
      ],
      ['b', 'a'],
    ],
    [
      'agentId decides a full tie',
      [
        { agentId: 'b', lastAssignedAt: '2026-11-01T00:00:00.000Z' },
        { agentId: 'a', lastAssignedAt: '2026-11-01T00:00:00.000Z' },
      ],
      ['a', 'b'],
    ],
    [
      'ineligible agents are left out',
      [
        { agentId: 'full', openCases: 5 },
        { agentId: 'away', available: false },
        { agentId: 'english-only', skills: { types: ['return'], categories: ['*'], locales: ['en'] } },
        { agentId: 'ok', openCases: 4 },
      ],
      ['ok'],
    ],
    ['nobody when no agent is eligible', [{ agentId: 'full', openCases: 5 }], []],
  ])('orders %s', (_label, agents, expected) => {
    // Prepare
    const directory = agents.map((overrides) => agent(overrides));

    // Act
    const ranked = rankCandidates(directory, kettleReturn);

    // Assess
    expect(ranked.map((candidate) => candidate.agentId)).toEqual(expected);
  });

  it('returns the same order whatever the directory order', () => {
    // Prepare
    const directory = [
      agent({ agentId: 'c', openCases: 1 }),
      agent({ agentId: 'a', openCases: 0, lastAssignedAt: '2026-11-02T00:00:00.000Z' }),
      agent({ agentId: 'b', openCases: 0, lastAssignedAt: '2026-11-01T00:00:00.000Z' }),
    ];

    // Act
    const forward = rankCandidates(directory, kettleReturn);
    const backward = rankCandidates([...directory].reverse(), kettleReturn);

    // Assess
    expect(forward.map((candidate) => candidate.agentId)).toEqual(['b', 'a', 'c']);
    expect(backward).toEqual(forward);
  });
});

describe('Function: anyAgentHasRoom', () => {
  it.each<[string, Array<Partial<Agent>>, boolean]>([
    ['an available agent below capacity', [{ openCases: 4 }], true],
    ['only full agents', [{ openCases: 5 }, { agentId: 'b', openCases: 7, maxOpenCases: 7 }], false],
    ['only unavailable agents with room', [{ available: false }], false],
    ['a full agent and an available one with room', [{ openCases: 5 }, { agentId: 'b', openCases: 0 }], true],
    ['no agents', [], false],
  ])('answers for %s -> %s', (_label, agents, expected) => {
    // Act
    const result = anyAgentHasRoom(agents.map((overrides) => agent(overrides)));

    // Assess
    expect(result).toBe(expected);
  });
});
