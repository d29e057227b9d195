import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgents } from '../../support/admin-agents.js';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { customerView } from '../../support/storefront.js';
import {
  caseAssignedTo,
  caseInProgress,
  caseInReview,
  fileCase,
  newCustomer,
  openCasesOf,
  raiseCapacity,
  signInAll,
  staffView,
  waitForStatus,
  type Staff,
} from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => stack?.stop());

const customerEmailOf = async (caseId: string): Promise<string> => (await staffView(staff, caseId)).customer.email;

describe('API: POST /v1/staff/cases/{caseId}/replies', () => {
  it('returns 201, starts the work, emails the reply and shows it to the customer with the author name', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    // Act
    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Please send a photo.' });

    // Assess
    expect(reply.status).toBe(201);
    expect(reply.json.eventId).toMatch(/^ev_/);
    const view = await staffView(staff, caseId);
    expect(view).toMatchObject({ status: 'in_progress', sla: { firstRespondedAt: expect.any(String) } });
    expect(view.timeline).toContainEqual(
      expect.objectContaining({
        eventId: reply.json.eventId,
        type: 'reply_sent',
        visibility: 'public',
        actor: { kind: 'staff', id: 'local-agent1', name: 'Wang Fang' },
      }),
    );
    // Staff actions' emails go out just after the answer, by the work queue (the email outbox).
    await stack.workQueue.settled();
    const emails = await emailsTo(stack, await customerEmailOf(caseId));
    expect(emails.some((email) => email.text.includes('Please send a photo.'))).toBe(true);
    expect((await customerView(stack, caseId)).messages).toEqual([
      { at: expect.any(String), from: 'agent', authorName: 'Wang Fang', body: 'Please send a photo.' },
    ]);
  });

  it('keeps the first response time when a second reply follows', async () => {
    // Prepare
    const caseId = await caseInProgress(stack, staff);
    const first = (await staffView(staff, caseId)).firstRespondedAt;

    // Act
    const second = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Any news?' });

    // Assess
    expect(second.status).toBe(201);
    expect((await staffView(staff, caseId)).firstRespondedAt).toBe(first);
  });

  it('returns 409 on a finished case', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
      resolution: { type: 'no_action' },
      rootCause: 'other',
      summary: 'Nothing to do.',
    });

    // Act
    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Late reply' });

    // Assess
    expect(reply.status).toBe(409);
  });

  it('returns 400 naming the body when it is blank', async () => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: '   ' });

    expect(reply.status).toBe(400);
    expect(reply.json.error.details).toEqual([expect.objectContaining({ path: 'body' })]);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/notes', () => {
  it('returns 201 and keeps the note internal: in the staff timeline, not in the storefront view or any email', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const secret = `INTERNAL-${caseId}: customer sounded angry`;

    // Act
    const note = await staff.agent1.post(`/v1/staff/cases/${caseId}/notes`, { body: secret });
    await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'We are on it.' });

    // Assess
    expect(note.status).toBe(201);
    const view = await staffView(staff, caseId);
    expect(view.timeline).toContainEqual(
      expect.objectContaining({ type: 'note_added', visibility: 'internal', details: { body: secret } }),
    );
    expect(JSON.stringify(await customerView(stack, caseId))).not.toContain(secret);
    await stack.workQueue.settled();
    const emails = await emailsTo(stack, view.customer.email);
    expect(emails.some((email) => email.text.includes('We are on it.'))).toBe(true);
    expect(emails.some((email) => email.text.includes(secret) || email.html.includes(secret))).toBe(false);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/status', () => {
  it('returns 409 for awaiting_customer before the first reply', async () => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const changed = await staff.agent1.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' });

    expect(changed.status).toBe(409);
  });

  it('waits for the customer after a reply, emails them, and takes the case back on in_progress', async () => {
    // Prepare
    const caseId = await caseInProgress(stack, staff);
    const customerEmail = await customerEmailOf(caseId);
    await stack.workQueue.settled();
    const emailsBefore = (await emailsTo(stack, customerEmail)).length;

    // Act
    const awaiting = await staff.agent1.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' });
    const again = await staff.agent1.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' });
    const resumed = await staff.agent1.post(`/v1/staff/cases/${caseId}/status`, { status: 'in_progress' });

    // Assess
    expect(awaiting.status).toBe(200);
    expect(awaiting.json).toMatchObject({ caseId, status: 'awaiting_customer' });
    expect(again.status).toBe(409);
    expect(resumed.json.status).toBe('in_progress');
    await stack.workQueue.settled();
    expect((await emailsTo(stack, customerEmail)).length).toBe(emailsBefore + 1);
    const transitions = (await customerView(stack, caseId)).timeline.filter(
      (event: { type: string }) => event.type === 'status_changed',
    );
    expect(transitions.slice(-2)).toEqual([
      expect.objectContaining({ from: 'in_progress', to: 'awaiting_customer' }),
      expect.objectContaining({ from: 'awaiting_customer', to: 'in_progress' }),
    ]);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/resolve', () => {
  it('records the outcome in the case currency, releases the agent, emails the customer and hides the root cause', async () => {
    // Prepare
    const caseId = await caseInProgress(stack, staff);
    const loadBefore = await openCasesOf(staff, 'agent1');

    // Act
    const resolved = await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
      resolution: { type: 'refund', amount: 199, reference: 'RF-2026-0001' },
      rootCause: 'production_quality',
      summary: 'Refunded in full; no need to return the kettle.',
    });

    // Assess
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({
      status: 'resolved',
      resolution: {
        type: 'refund',
        amount: 199,
        currency: 'CNY',
        rootCause: 'production_quality',
        resolvedBy: 'local-agent1',
      },
    });
    expect(await openCasesOf(staff, 'agent1')).toBe(loadBefore - 1);
    const view = await customerView(stack, caseId);
    expect(view.resolution).toEqual({
      type: 'refund',
      amount: 199,
      currency: 'CNY',
      reference: 'RF-2026-0001',
      summary: 'Refunded in full; no need to return the kettle.',
      resolvedAt: expect.any(String),
    });
    await stack.workQueue.settled();
    const emails = await emailsTo(stack, await customerEmailOf(caseId));
    expect(emails.some((email) => email.text.includes('Refunded in full'))).toBe(true);
    // The resolution wait is over; the workflow goes on to the follow-up stage (survey, revisit).
    expect((await staffView(staff, caseId)).workflowWait?.signal ?? 'aftercare').toBe('aftercare');
  });

  it('returns 409 when the case is already resolved', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const body = { resolution: { type: 'guidance' }, rootCause: 'misuse', summary: 'Explained the settings.' };
    await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, body);

    // Act
    const again = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/resolve`, body);

    // Assess
    expect(again.status).toBe(409);
  });

  it('lets exactly one of two concurrent resolutions pass and releases the load once', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const loadBefore = await openCasesOf(staff, 'agent1');
    const body = { resolution: { type: 'guidance' }, rootCause: 'other', summary: 'Done.' };

    // Act
    const answers = await Promise.all([
      staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, body),
      staff.supervisor1.post(`/v1/staff/cases/${caseId}/resolve`, body),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await openCasesOf(staff, 'agent1')).toBe(loadBefore - 1);
    const resolvedEvents = (await staffView(staff, caseId)).timeline.filter(
      (event: { type: string }) => event.type === 'resolved',
    );
    expect(resolvedEvents).toHaveLength(1);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/classification', () => {
  it('overrides the severity with a reason, records an internal event with the priorities, and reorders', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const before = (await staffView(staff, caseId)).classification;

    // Act
    const changed = await staff.agent1.post(`/v1/staff/cases/${caseId}/classification`, {
      severity: 'critical',
      urgency: 'high',
      reason: 'Smoke seen on the video call.',
    });

    // Assess
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      priority: 'P1',
      classification: {
        severity: 'critical',
        urgency: 'high',
        priority: 'P1',
        overrideReason: 'Smoke seen on the video call.',
      },
    });
    const view = await staffView(staff, caseId);
    expect(view.timeline).toContainEqual(
      expect.objectContaining({ type: 'priority_overridden', visibility: 'internal', from: before.priority, to: 'P1' }),
    );
    const types = (await customerView(stack, caseId)).timeline.map((event: { type: string }) => event.type);
    expect(types).not.toContain('priority_overridden');
    const queue = (await staff.agent1.get('/v1/staff/cases?assignee=me&limit=100')).json.items;
    expect(queue[0]).toMatchObject({ caseId, priority: 'P1' });
  });
});

describe('API: POST /v1/staff/cases/{caseId}/classification, lowering the priority', () => {
  it('refuses an agent lowering a P1 (403, nothing written), lets the agent raise, and lets a supervisor lower', async () => {
    // Prepare: the agent's case raised to P1 by the agent (raising is free).
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const raised = await staff.agent1.post(`/v1/staff/cases/${caseId}/classification`, {
      severity: 'critical',
      urgency: 'high',
      reason: 'Sparks from the plug.',
    });
    expect(raised.status).toBe(200);

    // Act
    const lowered = await staff.agent1.post(`/v1/staff/cases/${caseId}/classification`, {
      severity: 'minor',
      urgency: 'low',
      reason: 'Not that bad after all.',
    });
    const sameLevel = await staff.agent1.post(`/v1/staff/cases/${caseId}/classification`, {
      severity: 'critical',
      reason: 'Confirmed by a photo.',
    });
    const bySupervisor = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/classification`, {
      urgency: 'low',
      reason: 'The customer unplugged it; no danger left.',
    });

    // Assess
    expect(lowered.status).toBe(403);
    expect(lowered.json.error.message).toMatch(/P1 -> P4.*supervisor/);
    expect(sameLevel.status).toBe(200);
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.json.priority).toBe('P3');
    const overrides = (await staffView(staff, caseId)).timeline.filter(
      (event: { type: string }) => event.type === 'priority_overridden',
    );
    expect(overrides.map((event: { to: string }) => event.to)).toEqual(['P1', 'P1', 'P3']);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/assign', () => {
  it('moves the case to agent2, tells the customer the new name, and shuts agent1 out', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);

    // Act
    const assigned = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/assign`, { agentId: 'agent2' });

    // Assess
    expect(assigned.status).toBe(200);
    expect(assigned.json.assignee).toEqual({ agentId: 'agent2', name: 'Emily Carter' });
    expect((await customerView(stack, caseId)).assignee).toEqual({ name: 'Emily Carter' });
    const queue2 = (await staff.agent2.get('/v1/staff/cases?limit=100')).json.items;
    expect(queue2.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    expect((await staff.agent1.get(`/v1/staff/cases/${caseId}`)).status).toBe(403);
    await stack.workQueue.settled();
    expect((await emailsTo(stack, customerEmail)).some((email) => email.text.includes('Emily Carter'))).toBe(true);
  });

  it.each([
    ['the current assignee', 'agent1', 409],
    ['an unknown agent', 'nobody', 404],
    ["another store's agent", 'agent3', 404],
  ])('answers assigning to %s (%s) with %i', async (_label, agentId, status) => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const assigned = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/assign`, { agentId });

    expect(assigned.status).toBe(status);
  });
});

describe('API: unassigned cases', () => {
  it('returns 409 to a reply until the case is assigned, and assigns it when an agent becomes available', async () => {
    // Prepare: nobody can take a case.
    const setAvailable = async (available: boolean) => {
      for (const updated of await updateAgents(staff.admin1, { available }, ['agent1', 'agent2'])) {
        expect(updated.status).toBe(200);
      }
    };
    await setAvailable(false);
    const caseId = await fileCase(stack);
    await waitFor(async () => (await staffView(staff, caseId)).workflowWait?.signal === 'assignment');

    // Act
    const reply = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Hello' });
    const queue = (await staff.supervisor1.get('/v1/staff/cases?assignee=unassigned&limit=100')).json.items;
    await setAvailable(true);

    // Assess
    expect(reply.status).toBe(409);
    expect(reply.json.error.message).toMatch(/assign/i);
    expect(queue.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    const assigned = await waitForStatus(staff, caseId, ['assigned']);
    expect(['agent1', 'agent2']).toContain(assigned.assignee.agentId);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/review', () => {
  it('rejects a case in review with the reason, emails it, and answers a second decision with 409', async () => {
    // Prepare
    const caseId = await caseInReview(stack, staff);
    const customerEmail = await customerEmailOf(caseId);

    // Act
    const rejected = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'reject',
      reason: 'The serial number does not match the order.',
    });
    const again = await staff.admin1.post(`/v1/staff/cases/${caseId}/review`, { decision: 'approve', reason: 'x' });

    // Assess
    expect(rejected.status).toBe(200);
    expect(rejected.json.decision).toMatchObject({ outcome: 'rejected', decidedBy: 'local-supervisor1' });
    expect(again.status).toBe(409);
    await waitForStatus(staff, caseId, ['rejected']);
    await waitFor(async () =>
      (await emailsTo(stack, customerEmail)).some((email) => email.text.includes('The serial number does not match')),
    );
  });

  it('returns 409 for a case that is not in review', async () => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1');

    const review = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'x',
    });

    expect(review.status).toBe(409);
  });
});

describe('API: GET /v1/staff/cases and GET /v1/staff/cases/{caseId}', () => {
  it("lists the store's cases in review for a supervisor asking by status", async () => {
    const caseId = await caseInReview(stack, staff);

    const listed = await staff.supervisor1.get('/v1/staff/cases?status=pending_review&limit=100');

    expect(listed.status).toBe(200);
    expect(listed.json.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
  });

  it("lists an agent's resolved cases from the done queue with the summary fields", async () => {
    // Prepare
    const caseId = await caseInProgress(stack, staff);
    await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
      resolution: { type: 'repair', reference: 'RMA-1' },
      rootCause: 'design_defect',
      summary: 'Repaired.',
    });

    // Act
    const done = await staff.agent1.get('/v1/staff/cases?status=resolved&limit=100');
    const active = await staff.agent1.get('/v1/staff/cases?limit=100');

    // Assess
    const item = done.json.items.find((candidate: { caseId: string }) => candidate.caseId === caseId);
    expect(item).toEqual({
      caseId,
      caseNumber: expect.stringMatching(/^AS-/),
      status: 'resolved',
      type: 'return',
      priority: expect.stringMatching(/^P[1-4]$/),
      assignee: { agentId: 'agent1', name: 'Wang Fang' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      firstRespondedAt: expect.any(String),
      // Resolved: no clock runs any more, and nothing was escalated.
      nextDueAt: null,
      escalationLevel: 0,
      round: 1,
      // The revisit task appears only after revisitAfter (seven working days by default).
      revisitDueAt: null,
      customerWaitFlaggedSince: null,
      workflowFailure: null,
    });
    expect(active.json.items.map((candidate: { caseId: string }) => candidate.caseId)).not.toContain(caseId);
  });

  it('pages through a queue with nextToken', async () => {
    // Prepare
    await caseAssignedTo(stack, staff, 'agent2');
    await caseAssignedTo(stack, staff, 'agent2');

    // Act
    const first = await staff.agent2.get('/v1/staff/cases?limit=1');
    const second = await staff.agent2.get(
      `/v1/staff/cases?limit=1&nextToken=${encodeURIComponent(first.json.nextToken)}`,
    );

    // Assess
    expect(first.json.items).toHaveLength(1);
    expect(second.json.items).toHaveLength(1);
    expect(second.json.items[0].caseId).not.toBe(first.json.items[0].caseId);
  });

  it('shows staff the whole case with internal events, but never the workflow task token', async () => {
    // Prepare
    const customer = newCustomer('zh-CN');
    const caseId = await caseAssignedTo(stack, staff, 'agent1', { customer });
    await waitFor(async () => (await staffView(staff, caseId)).workflowWait?.signal === 'firstResponse');

    // Act
    const view = await staff.agent1.get(`/v1/staff/cases/${caseId}`);

    // Assess
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      caseId,
      customer: { email: customer.email },
      classification: { priority: expect.any(String), severityRule: expect.any(String) },
      assignee: { agentId: 'agent1' },
      decision: { outcome: 'approved' },
      workflowWait: { signal: 'firstResponse', since: expect.any(String) },
      sla: { firstRespondedAt: null },
    });
    expect(view.text).not.toContain('taskToken');
    expect(view.json.timeline.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['case_submitted', 'classified', 'assigned']),
    );
  });
});
