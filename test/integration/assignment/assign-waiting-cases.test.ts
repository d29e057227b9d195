import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import type { Case, Priority } from '../../../functions/domain/case.js';
import type { CaseWorkflow } from '../../../functions/ports/case-workflow.js';
import { assignWaitingCases } from '../../../functions/use-cases/assignment/assign-waiting-cases.js';
import { OutboxMailer } from '../../../local/outbox-mailer.js';
import {
  classifiedAs,
  dependenciesOn,
  freshStoreId,
  openCase,
  putAgent,
  putCase,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';

let fixture: DynamoFixture;
let files: string;
let dependencies: Dependencies;
/** The workflow port records the waits completed: the engine itself is exercised in test/workflow. */
const completedWaits: Array<{ taskToken: string; output: Record<string, unknown> }> = [];
const workflow: CaseWorkflow = {
  start: async () => undefined,
  completeWait: async (taskToken, output) => {
    completedWaits.push({ taskToken, output });
  },
};

beforeAll(async () => {
  fixture = await startDynamoFixture();
  files = await mkdtemp(join(tmpdir(), 'assign-waiting-'));
  // The sweep itself queues nothing, and stores no attachment, survey link or storefront key.
  dependencies = dependenciesOn(fixture, { mailer: new OutboxMailer({ directory: join(files, 'outbox') }), workflow });
});
afterAll(async () => {
  await fixture?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

/** A store profile, so the workflow signal can read the store's recheck time. */
const newStore = async (): Promise<string> => {
  const storeId = freshStoreId();
  await putStoreProfile(fixture, storeProfile(storeId));
  return storeId;
};

const classified = (priority: Priority): Partial<Case> => ({ classification: classifiedAs(priority) });

const statusOf = async (caseId: string) => (await fixture.cases.get(caseId))?.status;

describe('Function: assignWaitingCases', () => {
  it('assigns the most urgent waiting cases until the agents are full, and signals their workflows', async () => {
    // Prepare
    const storeId = await newStore();
    await putAgent(fixture, storeId, 'a1', { maxOpenCases: 2 });
    await putAgent(fixture, storeId, 'a2', { maxOpenCases: 1 });
    const p3 = await putCase(
      fixture,
      openCase(storeId, { ...classified('P3'), createdAt: '2026-11-20T01:00:00.000Z' }),
    );
    const p1Late = await putCase(
      fixture,
      openCase(storeId, { ...classified('P1'), createdAt: '2026-11-20T03:00:00.000Z' }),
    );
    const p2 = await putCase(
      fixture,
      openCase(storeId, { ...classified('P2'), createdAt: '2026-11-20T01:00:00.000Z' }),
    );
    const p1Early = await putCase(
      fixture,
      openCase(storeId, {
        ...classified('P1'),
        createdAt: '2026-11-20T02:00:00.000Z',
        workflowWait: { signal: 'assignment', taskToken: `token-${storeId}`, since: '2026-11-20T02:00:01.000Z' },
      }),
    );
    const p4 = await putCase(
      fixture,
      openCase(storeId, { ...classified('P4'), createdAt: '2026-11-20T00:00:00.000Z' }),
    );

    // Act
    const assigned = await assignWaitingCases(dependencies, storeId);

    // Assess
    expect(assigned).toEqual([p1Early.caseId, p1Late.caseId, p2.caseId]);
    expect((await fixture.agents.list(storeId)).map((agent) => agent.openCases)).toEqual([2, 1]);
    expect([await statusOf(p3.caseId), await statusOf(p4.caseId)]).toEqual(['open', 'open']);
    expect(completedWaits.filter((wait) => wait.taskToken === `token-${storeId}`)).toEqual([
      { taskToken: `token-${storeId}`, output: expect.objectContaining({ outcome: 'assigned' }) },
    ]);
  });

  it('skips a case no agent is skilled for and assigns the next one', async () => {
    // Prepare
    const storeId = await newStore();
    await putAgent(fixture, storeId, 'a1', { maxOpenCases: 1 });
    const complaint = await putCase(fixture, openCase(storeId, { ...classified('P1'), type: 'complaint' }));
    const ret = await putCase(fixture, openCase(storeId, classified('P2')));

    // Act
    const assigned = await assignWaitingCases(dependencies, storeId);

    // Assess
    expect(assigned).toEqual([ret.caseId]);
    expect(await statusOf(complaint.caseId)).toBe('open');
  });

  it('touches nothing when no agent has room', async () => {
    // Prepare
    const storeId = await newStore();
    await putAgent(fixture, storeId, 'away', { available: false });
    await putAgent(fixture, storeId, 'full', { maxOpenCases: 0 });
    const waiting = await putCase(fixture, openCase(storeId));

    // Act
    const assigned = await assignWaitingCases(dependencies, storeId);

    // Assess
    expect(assigned).toEqual([]);
    expect((await fixture.cases.getWithTimeline(waiting.caseId))?.timeline).toHaveLength(1);
  });
});
