import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../functions/domain/case.js';
import { newCaseId } from '../../functions/domain/case.js';
import { timelineEvent } from '../../functions/domain/timeline-events.js';
import { awaitSignal } from '../../functions/use-cases/workflow/await-signal.js';
import { decideManualReview } from '../../functions/use-cases/decide-manual-review.js';
import { returnRequest } from '../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';

/** The real ASL file on the local engine, with the real task handlers and DynamoDB Local. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const reviewer = { kind: 'staff' as const, id: 'supervisor1', name: 'Supervisor One' };

const fileCase = async (overrides: Parameters<typeof returnRequest>[0] = {}, deliveredDaysAgo = 2) => {
  const response = await api(stack).post('/v1/cases', returnRequest(overrides, deliveredDaysAgo), {
    apiKey: stack.apiKeys.storeA,
  });
  expect(response.status).toBe(201);
  return response.json.caseId as string;
};

const expensive = { items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }] };

const eventTypes = async (caseId: string) =>
  (await stack.dependencies.cases.getWithTimeline(caseId))!.timeline.map((event) => event.type);

describe('Workflow: case lifecycle', () => {
  it('approves and opens an in-window return (AutoReview -> OpenCase)', async () => {
    const caseId = await fileCase();
    const execution = await stack.engine.waitForExecution(caseId, { timeoutMs: 15_000 });
    expect(execution.status).toBe('SUCCEEDED');
    expect((await stack.dependencies.cases.get(caseId))?.status).toBe('open');
    expect(execution.transitionCount).toBeGreaterThan(0);
  });

  it('rejects a late return (AutoReview -> RejectCase)', async () => {
    const caseId = await fileCase({}, 35);
    const execution = await stack.engine.waitForExecution(caseId, { timeoutMs: 15_000 });
    expect(execution.status).toBe('SUCCEEDED');
    const rejected = await stack.dependencies.cases.get(caseId);
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.notificationsSent).toEqual(['case_rejected']);
  });

  it('rejects on the supervisor decision and tells the customer the reason', async () => {
    const email = `manual-reject-${Date.now()}@example.com`;
    const caseId = await fileCase({ ...expensive, customer: { id: 'c-mr', email, name: 'M', locale: 'en' } });
    await waitFor(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait);

    await decideManualReview(stack.dependencies, {
      caseId,
      storeId: 'store-a',
      approve: false,
      reason: 'Serial number does not match the order',
      reviewer,
    });

    expect((await stack.engine.waitForExecution(caseId, { timeoutMs: 15_000 })).status).toBe('SUCCEEDED');
    expect((await stack.dependencies.cases.get(caseId))?.status).toBe('rejected');
    const sent = (await stack.outbox.list()).find(
      (message) => message.to.includes(email) && message.text.includes('Serial number'),
    );
    expect(sent).toBeDefined();
  });

  it('refuses a second decision with a state conflict', async () => {
    const caseId = await fileCase(expensive);
    await waitFor(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait);
    await decideManualReview(stack.dependencies, { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer });
    await expect(
      decideManualReview(stack.dependencies, {
        caseId,
        storeId: 'store-a',
        approve: false,
        reason: 'changed my mind',
        reviewer,
      }),
    ).rejects.toMatchObject({ name: 'StateConflictError', statusCode: 409 });
    await expect(
      decideManualReview(stack.dependencies, { caseId, storeId: 'store-b', approve: true, reason: 'x', reviewer }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
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
    const execution = await stack.engine.waitForExecution(orphan.caseId, { timeoutMs: 15_000 });

    expect(execution.status).toBe('FAILED');
    const failed = await stack.dependencies.cases.get(orphan.caseId);
    expect(failed?.workflowFailure).toMatchObject({ error: 'NotFoundError' });
    expect(await eventTypes(orphan.caseId)).toContain('workflow_failed');
  });
});

describe('Workflow: manual review reminders', () => {
  let quick: TestStack;
  beforeAll(async () => {
    quick = await startTestStack({ reviewReminderAfter: 'PT1S' });
  });
  afterAll(async () => quick?.stop());

  it('reminds the supervisors each time the wait times out, and opens the case on approval', async () => {
    const response = await api(quick).post('/v1/cases', returnRequest(expensive), { apiKey: quick.apiKeys.storeA });
    const caseId = response.json.caseId as string;
    // reviewReminderAfter is PT1S: the callback times out and RemindReviewers runs before the decision comes.
    await waitFor(
      async () =>
        ((await quick.dependencies.cases.get(caseId))?.notificationsSent ?? []).includes('review_reminder_2') ||
        undefined,
      { timeoutMs: 15_000 },
    );

    await decideManualReview(quick.dependencies, {
      caseId,
      storeId: 'store-a',
      approve: true,
      reason: 'Receipt checked',
      reviewer,
    });

    const execution = await quick.engine.waitForExecution(caseId, { timeoutMs: 15_000 });
    expect(execution.status).toBe('SUCCEEDED');
    const opened = await quick.dependencies.cases.get(caseId);
    expect(opened).toMatchObject({ status: 'open', decision: { outcome: 'approved', decidedBy: 'supervisor1' } });
    expect(opened?.notificationsSent).toEqual(
      expect.arrayContaining([
        'case_under_review',
        'review_requested',
        'review_reminder_1',
        'review_reminder_2',
        'case_acknowledged',
      ]),
    );
    const timeline = (await quick.dependencies.cases.getWithTimeline(caseId))!.timeline.map((event) => event.type);
    expect(timeline.filter((type) => type === 'review_reminder_sent').length).toBeGreaterThanOrEqual(2);
  });
});

describe('Signal races: the review wait', () => {
  it('completes its own token when the decision came before the token was stored', async () => {
    const caseId = await fileCase(expensive);
    await waitFor(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait);
    await decideManualReview(stack.dependencies, { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer });
    const workflow = { start: vi.fn(), completeWait: vi.fn(async () => undefined) };

    // A late await step (e.g. the wait re-entered after a timeout) finds the case decided.
    await awaitSignal({ ...stack.dependencies, workflow }, { caseId, signal: 'review', taskToken: 'late-token' });

    expect(workflow.completeWait).toHaveBeenCalledWith('late-token', { outcome: 'approved' });
  });

  it('completes the stored token from the API side when the token came first', async () => {
    const caseId = await fileCase(expensive);
    const wait = await waitFor(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait);
    const workflow = { start: vi.fn(), completeWait: vi.fn(async () => undefined) };

    await decideManualReview(
      { ...stack.dependencies, workflow },
      { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer },
    );

    expect(workflow.completeWait).toHaveBeenCalledWith(wait.taskToken, { outcome: 'approved' });
    // Hand the signal to the real engine too, so the execution ends.
    await stack.engine.completeWait(wait.taskToken, { outcome: 'approved' });
    expect((await stack.engine.waitForExecution(caseId, { timeoutMs: 15_000 })).status).toBe('SUCCEEDED');
  });

  it('ignores a duplicate completion', async () => {
    const caseId = await fileCase(expensive);
    const wait = await waitFor(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait);
    await decideManualReview(stack.dependencies, { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer });
    await stack.engine.completeWait(wait.taskToken, { outcome: 'rejected' });
    expect((await stack.engine.waitForExecution(caseId, { timeoutMs: 15_000 })).status).toBe('SUCCEEDED');
    expect((await stack.dependencies.cases.get(caseId))?.status).toBe('open');
  });
});
