import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { customerView } from '../../support/storefront.js';
import {
  caseAssignedTo,
  caseInProgress,
  caseInReview,
  openCasesOf,
  raiseCapacity,
  signInAll,
  staffView,
  type Staff,
} from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;
let storefront: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  storefront = api(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => stack?.stop());

const A = () => stack.apiKeys.storeA;
const B = () => stack.apiKeys.storeB;

/** Storefronts that may not act on store A's cases, and the status they get: another store's key, or none. */
const OUTSIDERS: Array<[string, number, () => string | undefined]> = [
  ["another store's key", 404, () => B()],
  ['no key', 401, () => undefined],
];

const awaitingCustomer = async (): Promise<string> => {
  const caseId = await caseInProgress(stack, staff);
  const changed = await staff.agent1.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' });
  expect(changed.status).toBe(200);
  return caseId;
};

describe('API: POST /v1/cases/{caseId}/messages', () => {
  it('returns 201, resumes a case awaiting the customer and shows the conversation in order', async () => {
    // Prepare
    const caseId = await awaitingCustomer();

    // Act
    const posted = await storefront.post(`/v1/cases/${caseId}/messages`, { body: '照片已上传，谢谢' }, { apiKey: A() });

    // Assess
    expect(posted.status).toBe(201);
    expect(posted.json.eventId).toMatch(/^ev_/);
    const view = await customerView(stack, caseId);
    expect(view.status).toBe('in_progress');
    expect(view.messages).toEqual([
      { at: expect.any(String), from: 'agent', authorName: 'Wang Fang', body: 'We are on it.' },
      { at: expect.any(String), from: 'customer', body: '照片已上传，谢谢' },
    ]);
    const staffTimeline = (await staffView(staff, caseId)).timeline;
    expect(staffTimeline).toContainEqual(
      expect.objectContaining({ type: 'customer_message', actor: { kind: 'customer', id: view.customer.id } }),
    );
    expect(staffTimeline).toContainEqual(
      expect.objectContaining({ type: 'status_changed', from: 'awaiting_customer', to: 'in_progress' }),
    );
  });

  it('keeps the status of a case being worked on', async () => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const posted = await storefront.post(`/v1/cases/${caseId}/messages`, { body: 'Any update?' }, { apiKey: A() });

    expect(posted.status).toBe(201);
    expect((await customerView(stack, caseId)).status).toBe('assigned');
  });

  it('reopens a resolved case within the reopen window instead of refusing the message', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
      resolution: { type: 'guidance' },
      rootCause: 'misuse',
      summary: 'Explained.',
    });

    // Act
    const posted = await storefront.post(`/v1/cases/${caseId}/messages`, { body: 'One more thing' }, { apiKey: A() });

    // Assess: within the store's reopen window the message reopens the case (issue 10) instead of a 409
    expect(posted.status, posted.text).toBe(201);
    expect(posted.json.reopened).toBe(true);
  });

  it.each(OUTSIDERS)('answers %s with %i', async (_label, status, apiKey) => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const posted = await storefront.post(`/v1/cases/${caseId}/messages`, { body: 'Hello' }, { apiKey: apiKey() });

    expect(posted.status).toBe(status);
  });

  it('returns 404 for a malformed case id and 400 naming an unknown field', async () => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const malformed = await storefront.post('/v1/cases/not-a-case/messages', { body: 'x' }, { apiKey: A() });
    const unknownField = await storefront.post(
      `/v1/cases/${caseId}/messages`,
      { body: 'x', visibility: 'internal' },
      { apiKey: A() },
    );

    expect(malformed.status).toBe(404);
    expect(unknownField.status).toBe(400);
    expect(unknownField.json.error.details[0].message).toContain('visibility');
  });
});

describe('API: POST /v1/cases/{caseId}/cancel', () => {
  it('cancels an assigned case, releases the agent, emails the customer and ends the workflow', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const loadBefore = await openCasesOf(staff, 'agent1');
    const customerEmail = (await staffView(staff, caseId)).customer.email;

    // Act
    const cancelled = await storefront.post(
      `/v1/cases/${caseId}/cancel`,
      { reason: 'Bought another one' },
      { apiKey: A() },
    );

    // Assess
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({
      caseId,
      status: 'cancelled',
      cancellation: { reason: 'Bought another one', cancelledAt: expect.any(String) },
    });
    expect(cancelled.json.timeline).toContainEqual({
      at: expect.any(String),
      type: 'cancelled',
      from: 'assigned',
      to: 'cancelled',
    });
    expect(await openCasesOf(staff, 'agent1')).toBe(loadBefore - 1);
    expect((await emailsTo(stack, customerEmail)).length).toBeGreaterThan(0);
    expect((await staffView(staff, caseId)).workflowWait).toBeNull();
    expect((await staff.agent1.get('/v1/staff/cases?status=cancelled&limit=100')).json.items).toContainEqual(
      expect.objectContaining({ caseId, status: 'cancelled' }),
    );
  });

  it('cancels a case waiting for manual review, and the review then answers 409', async () => {
    // Prepare
    const caseId = await caseInReview(stack, staff);

    // Act
    const cancelled = await storefront.post(
      `/v1/cases/${caseId}/cancel`,
      { reason: 'Changed my mind' },
      { apiKey: A() },
    );
    const review = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'ok',
    });

    // Assess
    expect(cancelled.status).toBe(200);
    expect(review.status).toBe(409);
    expect((await staffView(staff, caseId)).status).toBe('cancelled');
  });

  it.each([
    ['resolved', 'resolve'],
    ['cancelled', 'cancel'],
  ])('returns 409 for a %s case', async (_label, finish) => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    if (finish === 'resolve') {
      await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
        resolution: { type: 'no_action' },
        rootCause: 'other',
        summary: 'Nothing to do.',
      });
    } else {
      await storefront.post(`/v1/cases/${caseId}/cancel`, { reason: 'first' }, { apiKey: A() });
    }

    // Act
    const cancelled = await storefront.post(`/v1/cases/${caseId}/cancel`, { reason: 'again' }, { apiKey: A() });

    // Assess
    expect(cancelled.status).toBe(409);
    expect(cancelled.json.error.code).toBe('state_conflict');
  });

  it.each(OUTSIDERS)('answers %s with %i and leaves the case as it was', async (_label, status, apiKey) => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const cancelled = await storefront.post(`/v1/cases/${caseId}/cancel`, { reason: 'x' }, { apiKey: apiKey() });

    expect(cancelled.status).toBe(status);
    expect((await customerView(stack, caseId)).status).toBe('assigned');
  });

  it('returns 400 naming the reason when it is missing', async () => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const cancelled = await storefront.post(`/v1/cases/${caseId}/cancel`, {}, { apiKey: A() });

    expect(cancelled.status).toBe(400);
    expect(cancelled.json.error.details).toEqual([expect.objectContaining({ path: 'reason' })]);
  });
});

describe('API: GET /v1/cases/{caseId} while agents work', () => {
  it('shows the priority and the agent display name, never internal events, agent ids or notes', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    await staff.agent1.post(`/v1/staff/cases/${caseId}/notes`, { body: 'NOTE-do-not-show' });
    await staff.supervisor1.post(`/v1/staff/cases/${caseId}/assign`, { agentId: 'agent2' });

    // Act
    const view = await customerView(stack, caseId);

    // Assess
    expect(view).toMatchObject({
      status: 'assigned',
      priority: expect.stringMatching(/^P[1-4]$/),
      assignee: { name: 'Emily Carter' },
      // The due times promised: P4 under the default SLA policy (a working day, five working days).
      sla: { firstResponseDueAt: expect.any(String), resolutionDueAt: expect.any(String), resolutionPaused: false },
      resolution: null,
      cancellation: null,
      messages: [],
    });
    const text = JSON.stringify(view);
    for (const hidden of ['NOTE-do-not-show', 'agent1', 'agent2', 'local-', 'taskToken', 'classified', 'note_added']) {
      expect(text).not.toContain(hidden);
    }
  });
});
