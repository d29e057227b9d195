import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import type { StoreSlaPolicy } from '../../../functions/domain/sla/sla-policy.js';
import type { StoreDirectory } from '../../../functions/ports/store-directory.js';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { slaPolicy } from '../../support/sla-policies.js';
import { staffApi, type StaffApi } from '../../support/staff-api.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import { classifiedAs, openCase, putCase } from '../store/dynamodb-fixture.js';

let stack: TestStack;
let admin: StaffApi;
/** Open cases of store A waiting in its unassigned queue, classified P3, never re-timed (no due times stored). */
let caseIds: string[];

const OPEN_CASES = 100;
const HOUR = 3_600_000;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await staffApi(stack, 'admin1');
  caseIds = [];
  // Ten at a time: DynamoDB Local takes a few ms per transaction.
  for (let batch = 0; batch < OPEN_CASES / 10; batch += 1) {
    const created = await Promise.all(
      Array.from({ length: 10 }, () =>
        putCase(stack.dependencies, openCase('store-a', { classification: classifiedAs('P3') })),
      ),
    );
    caseIds.push(...created.map((found) => found.caseId));
  }
});
afterAll(async () => stack?.stop());

/** Each case's first-response due time, minus its creation: the target it was timed by. */
const firstResponseTargets = async (): Promise<number[]> =>
  Promise.all(
    caseIds.map(async (caseId) => {
      const current: Case = await caseOf(stack.dependencies, caseId);
      const due = current.deadlines?.firstResponseDueAt;
      return due === undefined ? Number.NaN : Date.parse(due) - Date.parse(current.createdAt);
    }),
  );

/** Saves a policy of `hours` to the first response (around the clock), as store A's admin. */
const saveFirstResponseTarget = async (hours: number) => {
  const saved = await admin.put(
    '/v1/admin/sla',
    slaPolicy({ firstResponse: `PT${hours}H`, resolution: 'P5D', repeatEvery: 'PT1H' }),
  );
  expect(saved.status, saved.text).toBe(200);
  return { policy: saved.json as StoreSlaPolicy };
};

describe('Work queue: SLA policy save on a store with many open cases', () => {
  it('answers the save at once and re-times every open case just after, by the policy just saved', async () => {
    // Prepare: the cases timed by a first policy
    await saveFirstResponseTarget(6);
    await stack.workQueue.settled();
    expect(new Set(await firstResponseTargets())).toEqual(new Set([6 * HOUR]));

    // Act
    const enqueued = vi.spyOn(stack.workQueue, 'enqueue');
    const { policy } = await saveFirstResponseTarget(2);
    const atAnswer = await firstResponseTargets();
    await stack.workQueue.settled();
    const afterwards = await firstResponseTargets();

    // Assess: the answer did not wait for the 100 cases (it handed them to the queue as one job, by the version
    // saved); all of them follow the new policy just after
    expect(atAnswer.filter((target) => target === 2 * HOUR).length).toBeLessThan(OPEN_CASES);
    expect(enqueued.mock.calls[0]).toEqual([
      { kind: 'retimeOpenCases', storeId: 'store-a', slaPolicyVersion: policy.version },
    ]);
    enqueued.mockRestore();
    expect(new Set(afterwards)).toEqual(new Set([2 * HOUR]));
    expect(stack.workQueue.deadLetters).toEqual([]);
  });

  it('re-times by the saved policy even where a warm copy of the store directory still holds the older one', async () => {
    // Prepare: every cached read of store A's SLA policy answers the one before the save (a warm function in AWS)
    await saveFirstResponseTarget(8);
    await stack.workQueue.settled();
    const real = stack.dependencies.stores;
    const older = await real.getSlaPolicy('store-a', { fresh: true });
    const warmCopy: StoreDirectory = {
      findStoreByApiKey: (apiKey) => real.findStoreByApiKey(apiKey),
      getStore: (storeId) => real.getStore(storeId),
      getPolicy: (storeId) => real.getPolicy(storeId),
      savePolicy: (storeId, policy, replacing) => real.savePolicy(storeId, policy, replacing),
      saveSlaPolicy: (storeId, policy, replacing) => real.saveSlaPolicy(storeId, policy, replacing),
      saveStoreProfile: (storeId, profile, replacing) => real.saveStoreProfile(storeId, profile, replacing),
      rotateApiKey: (...args) => real.rotateApiKey(...args),
      getKeyRing: (storeId) => real.getKeyRing(storeId),
      revokeApiKey: (storeId, keyId) => real.revokeApiKey(storeId, keyId),
      dueGatewayKeyRetirements: (limit) => real.dueGatewayKeyRetirements(limit),
      forgetGatewayKeyRetirement: (retirement) => real.forgetGatewayKeyRetirement(retirement),
      getSlaPolicy: async (storeId, options) =>
        options?.fresh || storeId !== 'store-a' ? real.getSlaPolicy(storeId, options) : older,
    };
    stack.dependencies.stores = warmCopy;

    try {
      // Act
      await saveFirstResponseTarget(3);
      await stack.workQueue.settled();

      // Assess: 3 hours, not the cached 8
      expect(new Set(await firstResponseTargets())).toEqual(new Set([3 * HOUR]));
    } finally {
      stack.dependencies.stores = real;
    }
  });

  it('is harmless when the queue delivers a retime job again: same due times, no timeline event added', async () => {
    // Prepare
    const { policy } = await saveFirstResponseTarget(4);
    await stack.workQueue.settled();
    const targets = await firstResponseTargets();
    const events = (await timelineOf(stack.dependencies, caseIds[0] as string)).length;

    // Act: the same job twice more, as a redelivery would
    const job = { kind: 'retimeOpenCases', storeId: 'store-a', slaPolicyVersion: policy.version } as const;
    await Promise.all([stack.workQueue.enqueue(job), stack.workQueue.enqueue(job)]);
    await stack.workQueue.settled();

    // Assess
    expect(await firstResponseTargets()).toEqual(targets);
    expect(new Set(targets)).toEqual(new Set([4 * HOUR]));
    expect((await timelineOf(stack.dependencies, caseIds[0] as string)).length).toBe(events);
    expect(stack.workQueue.deadLetters).toEqual([]);
  });
});

describe('Work queue: freed capacity', () => {
  it('assigns a waiting case once when the offer is delivered twice', async () => {
    // Prepare: one waiting case in store B, whose agent has room
    const waiting = await putCase(stack.dependencies, openCase('store-b', { classification: classifiedAs('P2') }));
    const loadBefore = (await stack.dependencies.agents.list('store-b')).map((agent) => agent.openCases);

    // Act
    await Promise.all([
      stack.workQueue.enqueue({ kind: 'offerCapacity', storeId: 'store-b' }),
      stack.workQueue.enqueue({ kind: 'offerCapacity', storeId: 'store-b' }),
    ]);
    await stack.workQueue.settled();

    // Assess
    const assigned = await caseOf(stack.dependencies, waiting.caseId);
    const loadAfter = (await stack.dependencies.agents.list('store-b')).map((agent) => agent.openCases);
    expect(assigned.status).toBe('assigned');
    const assignedEvents = (await timelineOf(stack.dependencies, waiting.caseId)).filter(
      (event) => event.type === 'assigned',
    );
    expect(assignedEvents).toHaveLength(1);
    expect(loadAfter.reduce((sum, load) => sum + load, 0)).toBe(loadBefore.reduce((sum, load) => sum + load, 0) + 1);
  });
});
