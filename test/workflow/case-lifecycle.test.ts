import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../functions/domain/case.js';
import { newCaseId } from '../../functions/domain/case.js';
import { timelineEvent } from '../../functions/domain/timeline-events.js';
import { awaitSignal } from '../../functions/use-cases/workflow/await-signal.js';
import { decideManualReview } from '../../functions/use-cases/decide-manual-review.js';
import { signalWorkflow } from '../../functions/use-cases/workflow/signal-workflow.js';
import { updateAgents } from '../support/admin-agents.js';
import { refundResolution, returnRequest } from '../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { staffApi } from '../support/staff-api.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { setSignalRecheckAfter } from '../support/store-profile.js';
import { fileCase } from '../support/storefront.js';
import { executionEnded, parkedOn } from '../support/workflow-waits.js';

/** The real ASL file on the local engine, with the real task handlers, the real HTTP handlers and DynamoDB Local. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const reviewer = { kind: 'staff' as const, id: 'supervisor1', name: 'Supervisor One' };
const expensive = { items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }] };

const statesEntered = async (on: TestStack, caseId: string): Promise<string[]> =>
  ((await on.engine.getExecution(caseId))?.events ?? [])
    .filter((event) => event.type === 'StateEntered')
    .map((event) => event.state ?? '');

const eventTypes = async (on: TestStack, caseId: string) =>
  (await timelineOf(on.dependencies, caseId)).map((event) => event.type);

const openCasesOf = async (on: TestStack, storeId: string, agentId: string) =>
  (await on.dependencies.agents.get(storeId, agentId))?.openCases;

describe('Workflow: case lifecycle', () => {
  it('rejects a late return (AutoReview -> RejectCase)', async () => {
    const caseId = await fileCase(stack, {}, { deliveredDaysAgo: 35 });
    const execution = await executionEnded(stack, caseId);
    expect(execution.status).toBe('SUCCEEDED');
    const rejected = await caseOf(stack.dependencies, caseId);
    expect(rejected.status).toBe('rejected');
    expect(rejected.notificationsSent).toEqual(['case_rejected']);
  });

  it('approves, classifies, assigns, waits for the reply, then for the resolution, then follows up', async () => {
    const caseId = await fileCase(stack, { description: 'The kettle started to smoke when I switched it on.' });

    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    expect(assigned.status).toBe('assigned');
    expect(assigned.classification).toMatchObject({ severity: 'critical', severityRule: 'safety_terms' });
    const agentId = assigned.assignee?.agentId as string;
    expect(['agent1', 'agent2']).toContain(agentId);
    const loadWhileAssigned = await openCasesOf(stack, 'store-a', agentId);
    const agent = await staffApi(stack, agentId);

    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Please stop using it.' })).status).toBe(201);
    await parkedOn(stack, caseId, 'resolution');
    expect((await agent.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);

    // The default policy surveys at once and revisits in 7 working days: the execution parks on the aftercare wait.
    await parkedOn(stack, caseId, 'aftercare');
    // Classified and assigned in AutoReview's step (see the timeline's `classified` and `assigned` below).
    const entered = await statesEntered(stack, caseId);
    expect(entered).toEqual(
      expect.arrayContaining(['AutoReview', 'AwaitFirstResponse', 'AwaitResolution', 'FollowUpCase']),
    );
    expect(entered).not.toEqual(expect.arrayContaining(['RouteDecision']));
    // One email tells the customer the case number and who handles it, instead of two within a second.
    expect(assigned.notificationsSent).toContain('case_acknowledged');
    expect(assigned.notificationsSent?.filter((key) => key.startsWith('case_assigned_'))).toEqual([]);
    expect(await openCasesOf(stack, 'store-a', agentId)).toBe((loadWhileAssigned as number) - 1);
    expect(await eventTypes(stack, caseId)).toEqual(
      expect.arrayContaining(['classified', 'assigned', 'reply_sent', 'resolved']),
    );
  });

  it('continues with classification and assignment after a supervisor approves a manual review', async () => {
    const caseId = await fileCase(stack, expensive);
    await parkedOn(stack, caseId, 'review');
    const supervisor = await staffApi(stack, 'supervisor1');

    const decided = await supervisor.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'Receipt checked',
    });

    expect(decided.status).toBe(200);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    expect(assigned).toMatchObject({
      status: 'assigned',
      decision: { outcome: 'approved', decidedBy: expect.any(String) },
    });
    expect(assigned.notificationsSent).toEqual(expect.arrayContaining(['case_acknowledged']));
  });

  it('rejects on the supervisor decision and tells the customer the reason', async () => {
    const email = `manual-reject-${Date.now()}@example.com`;
    const caseId = await fileCase(stack, { ...expensive, customer: { id: 'c-mr', email, name: 'M', locale: 'en' } });
    await parkedOn(stack, caseId, 'review');

    await decideManualReview(stack.dependencies, {
      caseId,
      storeId: 'store-a',
      approve: false,
      reason: 'Serial number does not match the order',
      reviewer,
    });

    expect((await executionEnded(stack, caseId)).status).toBe('SUCCEEDED');
    expect((await caseOf(stack.dependencies, caseId)).status).toBe('rejected');
    const sent = (await stack.outbox.list()).find(
      (message) => message.to.includes(email) && message.text.includes('Serial number'),
    );
    expect(sent).toBeDefined();
  });

  it('refuses a second review decision with a state conflict, and another store with not found', async () => {
    const caseId = await fileCase(stack, expensive);
    await parkedOn(stack, caseId, 'review');
    await decideManualReview(stack.dependencies, { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer });
    await expect(
      decideManualReview(stack.dependencies, { caseId, storeId: 'store-a', approve: false, reason: 'no', reviewer }),
    ).rejects.toMatchObject({ name: 'StateConflictError', statusCode: 409 });
    await expect(
      decideManualReview(stack.dependencies, { caseId, storeId: 'store-b', approve: true, reason: 'x', reviewer }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('ends the lifecycle when the customer cancels while it waits for the first response, releasing the agent', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agentId = assigned.assignee?.agentId as string;
    const loadWhileAssigned = (await openCasesOf(stack, 'store-a', agentId)) as number;

    const cancelled = await api(stack).post(
      `/v1/cases/${caseId}/cancel`,
      { reason: 'Found a solution myself' },
      { apiKey: stack.apiKeys.storeA },
    );

    expect(cancelled.status).toBe(200);
    const execution = await executionEnded(stack, caseId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(await statesEntered(stack, caseId)).toContain('CaseCancelled');
    expect(await openCasesOf(stack, 'store-a', agentId)).toBe(loadWhileAssigned - 1);
  });

  it('ends the lifecycle when the customer cancels while a supervisor has not decided yet', async () => {
    const caseId = await fileCase(stack, expensive);
    await parkedOn(stack, caseId, 'review');

    const cancelled = await api(stack).post(
      `/v1/cases/${caseId}/cancel`,
      { reason: 'Ordered by mistake' },
      { apiKey: stack.apiKeys.storeA },
    );

    expect(cancelled.status).toBe(200);
    expect((await executionEnded(stack, caseId)).status).toBe('SUCCEEDED');
    expect(await statesEntered(stack, caseId)).toContain('CaseCancelled');
    expect((await caseOf(stack.dependencies, caseId)).status).toBe('cancelled');
  });

  it('queues a case nobody can take, tells the supervisors, and assigns it once an agent is available again', async () => {
    const admin = await staffApi(stack, 'admin3');
    const [unavailable] = await updateAgents(admin, { available: false }, ['agent3']);
    expect(unavailable?.status).toBe(200);

    const caseId = await fileCase(stack, {}, { apiKey: stack.apiKeys.storeB });
    const queued = await parkedOn(stack, caseId, 'assignment');
    expect(queued.status).toBe('open');
    expect(queued.assignee).toBeUndefined();
    expect(queued.notificationsSent).toEqual(expect.arrayContaining(['case_unassigned']));

    const [available] = await updateAgents(admin, { available: true }, ['agent3']);
    expect(available?.status).toBe(200);

    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    expect(assigned.assignee?.agentId).toBe('agent3');
    expect(await statesEntered(stack, caseId)).toContain('AwaitAssignment');
  });

  it('records a task failure on the case and ends the execution failed, never silently stuck', async () => {
    // A case of a store whose profile is gone: OpenCase cannot load the store, retries, then is caught.
    const now = new Date();
    const orphan: Case = {
      ...returnRequest(),
      attachments: [],
      channel: 'web',
      caseId: newCaseId(now),
      caseNumber: 'XX-20261122-0001',
      storeId: 'store-deleted',
      status: 'submitted',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await stack.dependencies.cases.create(
      orphan,
      timelineEvent(orphan.caseId, now, 'case_submitted', { kind: 'system' }),
    );

    await stack.engine.start({ caseId: orphan.caseId, storeId: orphan.storeId });
    const execution = await executionEnded(stack, orphan.caseId);

    expect(execution.status).toBe('FAILED');
    const failed = await caseOf(stack.dependencies, orphan.caseId);
    expect(failed.workflowFailure).toMatchObject({ error: 'NotFoundError' });
    expect(await eventTypes(stack, orphan.caseId)).toContain('workflow_failed');
  });
});

describe('Signal races: an action and the token that waits for it', () => {
  const recordingWorkflow = () => ({ start: vi.fn(), completeWait: vi.fn(async () => undefined) });

  it('completes its own token when the reply came before the token was stored', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);
    await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' });
    const workflow = recordingWorkflow();

    // A late await step (e.g. the wait re-entered after a timeout) finds the case already answered.
    await awaitSignal(
      { ...stack.dependencies, workflow },
      { caseId, signal: 'firstResponse', taskToken: 'late-token' },
    );

    expect(workflow.completeWait).toHaveBeenCalledWith('late-token', {
      outcome: 'responded',
      waitSeconds: expect.any(Number),
    });
  });

  it('completes the stored token from the API side when the token came first', async () => {
    const caseId = await fileCase(stack, expensive);
    const pending = await parkedOn(stack, caseId, 'review');
    const workflow = recordingWorkflow();

    await decideManualReview(
      { ...stack.dependencies, workflow },
      { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer },
    );

    expect(workflow.completeWait).toHaveBeenCalledWith(pending.workflowWait?.taskToken, {
      outcome: 'approved',
      waitSeconds: expect.any(Number),
    });
    // Hand the signal to the real engine too, so the execution goes on.
    await signalWorkflow(stack.dependencies, caseId);
    await parkedOn(stack, caseId, 'firstResponse');
  });

  it('ignores a duplicate or late completion of a wait that already ended', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);
    await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' });
    await parkedOn(stack, caseId, 'resolution');

    await stack.engine.completeWait(assigned.workflowWait?.taskToken as string, {
      outcome: 'resolved',
      waitSeconds: 1,
    });
    await signalWorkflow(stack.dependencies, caseId);

    expect((await stack.engine.getExecution(caseId))?.status).toBe('RUNNING');
    expect((await caseOf(stack.dependencies, caseId)).workflowWait?.signal).toBe('resolution');
  });
});

describe('Signal races: a completion that fails', () => {
  let quick: TestStack;
  beforeAll(async () => {
    quick = await startTestStack({ reviewReminderAfter: 'PT1S' });
    // The safety net: a parked wait re-reads the case every second instead of once a day.
    await setSignalRecheckAfter(quick, 'store-a', 'PT1S');
  });
  afterAll(async () => quick?.stop());

  it('moves on at the next recheck when the API could not complete the token', async () => {
    const caseId = await fileCase(quick);
    const assigned = await parkedOn(quick, caseId, 'firstResponse');
    const now = new Date();
    // The API's write succeeds...
    await quick.dependencies.cases.update(assigned, {
      ifStatusIn: ['assigned'],
      set: { status: 'in_progress', firstRespondedAt: now.toISOString(), updatedAt: now.toISOString() },
      events: [timelineEvent(caseId, now, 'reply_sent', { kind: 'staff', id: 'agent1' }, { details: { body: 'Hi' } })],
    });
    // ...but its completion of the token keeps failing.
    const failing = { start: vi.fn(), completeWait: vi.fn(async () => Promise.reject(new Error('SFN is down'))) };
    await expect(signalWorkflow({ ...quick.dependencies, workflow: failing }, caseId)).resolves.toBeUndefined();
    expect(failing.completeWait).toHaveBeenCalled();

    await parkedOn(quick, caseId, 'resolution');
    expect(await statesEntered(quick, caseId)).toContain('EscalateOverdue');
  });

  it('reminds the supervisors each time the review wait times out, and opens the case on approval', async () => {
    const caseId = await fileCase(quick, expensive);
    await waitFor(
      async () =>
        ((await caseOf(quick.dependencies, caseId)).notificationsSent ?? []).includes('review_reminder_2') || undefined,
    );

    await decideManualReview(quick.dependencies, {
      caseId,
      storeId: 'store-a',
      approve: true,
      reason: 'Receipt checked',
      reviewer,
    });

    const assigned = await parkedOn(quick, caseId, 'firstResponse');
    expect(assigned).toMatchObject({ status: 'assigned', decision: { outcome: 'approved', decidedBy: 'supervisor1' } });
    expect(assigned.notificationsSent).toEqual(
      expect.arrayContaining([
        'case_under_review',
        'review_requested',
        'review_reminder_1',
        'review_reminder_2',
        'case_acknowledged',
      ]),
    );
    expect(
      (await eventTypes(quick, caseId)).filter((type) => type === 'review_reminder_sent').length,
    ).toBeGreaterThanOrEqual(2);
  });
});
