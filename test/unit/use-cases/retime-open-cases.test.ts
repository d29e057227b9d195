import { describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import type { Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import type { CaseStore, Page, PageRequest, QueueRef } from '../../../functions/ports/case-store.js';
import { retimeOpenCases } from '../../../functions/use-cases/sla/retime-open-cases.js';

/** Queues by agent (`null`: unassigned), each served two cases per page. */
const dependenciesWith = (queues: Map<string | null, string[]>, failOn?: string | null) => {
  const read: string[] = [];
  const listQueue = vi.fn(async (_storeId: string, queue: QueueRef, page: PageRequest): Promise<Page<Case>> => {
    if (queue.agentId === failOn) throw new TransientError('throttled');
    const caseIds = queues.get(queue.agentId) ?? [];
    const start = Number(page.nextToken ?? 0);
    const items = caseIds.slice(start, start + 2).map((caseId) => ({ caseId }) as Case);
    return { items, ...(start + 2 < caseIds.length ? { nextToken: String(start + 2) } : {}) };
  });
  const dependencies = {
    agents: { list: vi.fn(async () => [{ agentId: 'agent1' }, { agentId: 'agent2' }]) },
    cases: {
      listQueue,
      // Each case's signal starts by reading it with its timeline: recorded, then "not found" (the signal never throws).
      getWithTimeline: vi.fn(async (caseId: string) => {
        read.push(caseId);
        return undefined;
      }),
    } as unknown as CaseStore,
    stores: {},
    workflow: { start: vi.fn(), completeWait: vi.fn() },
    clock: { now: () => new Date('2026-11-24T08:00:00.000Z') },
  } as unknown as Dependencies;
  return { dependencies, read, listQueue };
};

describe('Function: retimeOpenCases', () => {
  it('signals every active case of the unassigned queue and of each agent, page by page', async () => {
    const queues = new Map<string | null, string[]>([
      [null, ['cs_u1', 'cs_u2', 'cs_u3']],
      ['agent1', ['cs_a1']],
      ['agent2', []],
    ]);
    const { dependencies, read, listQueue } = dependenciesWith(queues);

    const result = await retimeOpenCases(dependencies, 'store-a');

    expect(result).toEqual({ retimed: 4 });
    expect(read.sort()).toEqual(['cs_a1', 'cs_u1', 'cs_u2', 'cs_u3']);
    expect(listQueue.mock.calls.map(([, queue]) => queue)).toEqual([
      { agentId: null, state: 'active' },
      { agentId: null, state: 'active' },
      { agentId: 'agent1', state: 'active' },
      { agentId: 'agent2', state: 'active' },
    ]);
  });

  it('never throws when a queue cannot be read: the policy is saved, the cases seen so far are re-timed', async () => {
    const queues = new Map<string | null, string[]>([[null, ['cs_u1']]]);
    const { dependencies, read } = dependenciesWith(queues, 'agent1');

    await expect(retimeOpenCases(dependencies, 'store-a')).resolves.toEqual({ retimed: 1 });
    expect(read).toEqual(['cs_u1']);
  });
});
