import { describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import { TransientError } from '../../../functions/domain/errors.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../../functions/domain/sla/sla-policy.js';
import type { WorkJob } from '../../../functions/ports/work-queue.js';
import { putSlaPolicy } from '../../../functions/use-cases/admin/manage-sla-policy.js';
import { offerFreedCapacity } from '../../../functions/use-cases/assignment/offer-freed-capacity.js';

/** A work queue that holds the jobs, or refuses them (SQS throttling that outlasted the SDK's retries). */
const dependenciesWith = (queue: 'accepts' | 'refuses') => {
  const enqueued: WorkJob[] = [];
  const saved: StoreSlaPolicy = { ...DEFAULT_SLA_POLICY, version: 7 };
  const dependencies = {
    workQueue: {
      enqueue: vi.fn(async (job: WorkJob) => {
        if (queue === 'refuses') throw new TransientError('throttled');
        enqueued.push(job);
      }),
    },
    stores: { saveSlaPolicy: vi.fn(async () => saved) },
    // Watched: the request never sweeps the waiting cases itself (that takes the mailer), queue or no queue.
    agents: { list: vi.fn(async () => []) },
    clock: { now: () => new Date('2026-11-24T08:00:00.000Z') },
  } as unknown as Dependencies;
  return { dependencies, enqueued, saved };
};

describe('Function: putSlaPolicy', () => {
  it('returns the saved policy after queueing the re-timing of open cases for its version', async () => {
    // Prepare
    const { dependencies, enqueued, saved } = dependenciesWith('accepts');

    // Act
    const result = await putSlaPolicy(dependencies, 'store-a', { ...DEFAULT_SLA_POLICY, version: 6 });

    // Assess
    expect(result).toBe(saved);
    expect(enqueued).toEqual([{ kind: 'retimeOpenCases', storeId: 'store-a', slaPolicyVersion: 7 }]);
  });

  it('returns the saved policy when the queue refuses the job: the save stands', async () => {
    // Prepare
    const { dependencies, saved } = dependenciesWith('refuses');

    // Act
    const result = putSlaPolicy(dependencies, 'store-a', { ...DEFAULT_SLA_POLICY });

    // Assess
    await expect(result).resolves.toBe(saved);
  });
});

describe('Function: offerFreedCapacity', () => {
  it('queues an offerCapacity job and sweeps nothing itself', async () => {
    // Prepare
    const { dependencies, enqueued } = dependenciesWith('accepts');

    // Act
    await offerFreedCapacity(dependencies, 'store-a');

    // Assess
    expect(enqueued).toEqual([{ kind: 'offerCapacity', storeId: 'store-a' }]);
    expect(dependencies.agents.list).not.toHaveBeenCalled();
  });

  it('leaves the capacity to the waiting cases, never throwing, when the queue refuses the job', async () => {
    // Prepare
    const { dependencies } = dependenciesWith('refuses');

    // Act
    const offered = offerFreedCapacity(dependencies, 'store-a');

    // Assess: the answer stands; each waiting case's workflow tries an agent again at its next SLA step.
    await expect(offered).resolves.toBeUndefined();
    expect(dependencies.workQueue.enqueue).toHaveBeenCalledWith({ kind: 'offerCapacity', storeId: 'store-a' });
    expect(dependencies.agents.list).not.toHaveBeenCalled();
  });
});
