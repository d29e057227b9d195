import { describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import type { Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import type { CaseStore, Page, PageRequest, QueueRef } from '../../../functions/ports/case-store.js';
import type { WorkJob } from '../../../functions/ports/work-queue.js';
import { retimeOpenCases, type RetimeJob } from '../../../functions/use-cases/sla/retime-open-cases.js';

const JOB: RetimeJob = { kind: 'retimeOpenCases', storeId: 'store-a', slaPolicyVersion: 3 };

/** Queues by agent (`null`: unassigned), each served two cases per page; the store's policy reads as `versions`. */
const dependenciesWith = (
  queues: Map<string | null, string[]>,
  { failOn, versions = [3] }: { failOn?: string | null; versions?: number[] } = {},
) => {
  const read: string[] = [];
  const enqueued: WorkJob[] = [];
  const listQueue = vi.fn(async (_storeId: string, queue: QueueRef, page: PageRequest): Promise<Page<Case>> => {
    if (queue.agentId === failOn) throw new TransientError('throttled');
    const caseIds = queues.get(queue.agentId) ?? [];
    const start = Number(page.nextToken ?? 0);
    const items = caseIds.slice(start, start + page.limit).map((caseId) => ({ caseId }) as Case);
    return { items, ...(start + page.limit < caseIds.length ? { nextToken: String(start + page.limit) } : {}) };
  });
  const remaining = [...versions];
  const getSlaPolicy = vi.fn(async () => ({ version: remaining.length > 1 ? remaining.shift() : remaining[0] }));
  const dependencies = {
    // Listed out of order: the job walks them by agentId, so a continuation finds its place again.
    agents: { list: vi.fn(async () => [{ agentId: 'agent2' }, { agentId: 'agent1' }]) },
    cases: {
      listQueue,
      // Each case's signal starts by reading it with its timeline: recorded, then "not found" (the signal never throws).
      getWithTimeline: vi.fn(async (caseId: string) => {
        read.push(caseId);
        return undefined;
      }),
    } as unknown as CaseStore,
    stores: { getSlaPolicy },
    workflow: { start: vi.fn(), completeWait: vi.fn() },
    workQueue: { enqueue: vi.fn(async (job: WorkJob) => void enqueued.push(job)) },
    clock: { now: () => new Date('2026-11-24T08:00:00.000Z') },
  } as unknown as Dependencies;
  return { dependencies, read, listQueue, enqueued, getSlaPolicy };
};

const QUEUES = new Map<string | null, string[]>([
  [null, ['cs_u1', 'cs_u2', 'cs_u3']],
  ['agent1', ['cs_a1']],
  ['agent2', ['cs_b1', 'cs_b2']],
]);

describe('Function: retimeOpenCases', () => {
  it('signals every active case of the unassigned queue and of each agent, page by page, after a consistent read', async () => {
    // Prepare
    const { dependencies, read, listQueue, enqueued, getSlaPolicy } = dependenciesWith(QUEUES);

    // Act
    const result = await retimeOpenCases(dependencies, JOB, { pageSize: 2, pagesPerJob: 10 });

    // Assess
    expect(result).toEqual({ outcome: 'retimed', retimed: 6 });
    expect(read.sort()).toEqual(['cs_a1', 'cs_b1', 'cs_b2', 'cs_u1', 'cs_u2', 'cs_u3']);
    expect(listQueue.mock.calls.map(([, queue]) => queue.agentId)).toEqual([null, null, 'agent1', 'agent2']);
    expect(getSlaPolicy).toHaveBeenCalledWith('store-a', { fresh: true });
    expect(enqueued).toEqual([]);
  });

  it('hands the rest to a continuation job after its pages, which re-times each remaining case once', async () => {
    // Prepare
    const limits = { pageSize: 2, pagesPerJob: 2 };
    const { dependencies, read, enqueued } = dependenciesWith(QUEUES);

    // Act
    const first = await retimeOpenCases(dependencies, JOB, limits);
    const second = await retimeOpenCases(dependencies, enqueued[0] as RetimeJob, limits);

    // Assess
    expect(first).toEqual({ outcome: 'retimed', retimed: 3, continuedFrom: { agentId: 'agent1' } });
    expect(enqueued[0]).toEqual({ ...JOB, from: { agentId: 'agent1' } });
    expect(second).toEqual({ outcome: 'retimed', retimed: 3 });
    expect(read.sort()).toEqual(['cs_a1', 'cs_b1', 'cs_b2', 'cs_u1', 'cs_u2', 'cs_u3']);
    expect(enqueued).toHaveLength(1);
  });

  it('continues inside a queue from its page token', async () => {
    // Prepare
    const { dependencies, read } = dependenciesWith(QUEUES);

    // Act
    const result = await retimeOpenCases(
      dependencies,
      { ...JOB, from: { agentId: null, nextToken: '2' } },
      { pageSize: 2, pagesPerJob: 10 },
    );

    // Assess
    expect(result).toEqual({ outcome: 'retimed', retimed: 4 });
    expect(read.sort()).toEqual(['cs_a1', 'cs_b1', 'cs_b2', 'cs_u3']);
  });

  it('reads the policy again while only an older version is readable, then goes on with the job version', async () => {
    // Prepare
    const { dependencies, read, getSlaPolicy } = dependenciesWith(QUEUES, { versions: [2, 3] });

    // Act
    const result = await retimeOpenCases(dependencies, JOB);

    // Assess
    expect(result).toMatchObject({ outcome: 'retimed', retimed: 6 });
    expect(getSlaPolicy).toHaveBeenCalledTimes(2);
    expect(read).toHaveLength(6);
  });

  it('throws TransientError (the queue delivers it again) when only an older version is readable', async () => {
    // Prepare
    const { dependencies, read } = dependenciesWith(QUEUES, { versions: [2] });

    // Act
    const run = retimeOpenCases(dependencies, JOB);

    // Assess
    await expect(run).rejects.toBeInstanceOf(TransientError);
    expect(read).toEqual([]);
  });

  it('returns superseded without touching a case when a newer policy was saved meanwhile', async () => {
    // Prepare
    const { dependencies, read } = dependenciesWith(QUEUES, { versions: [4] });

    // Act
    const result = await retimeOpenCases(dependencies, JOB);

    // Assess
    expect(result).toEqual({ outcome: 'superseded', retimed: 0 });
    expect(read).toEqual([]);
  });

  it('throws when a queue cannot be read, so the job is delivered again', async () => {
    // Prepare
    const { dependencies } = dependenciesWith(QUEUES, { failOn: 'agent1' });

    // Act
    const run = retimeOpenCases(dependencies, JOB);

    // Assess
    await expect(run).rejects.toThrow('throttled');
  });
});
