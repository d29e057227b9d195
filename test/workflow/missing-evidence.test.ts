import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgents } from '../support/admin-agents.js';
import { returnRequest } from '../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { emailsTo } from '../support/outbox.js';
import { staffApi } from '../support/staff-api.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { executionEnded, parkedOn } from '../support/workflow-waits.js';

/**
 * Missing evidence is not ineligibility: the real ASL on the local engine, with the real handlers and DynamoDB Local.
 * Store A keeps the default (`missingEvidence: 'request'`); store B is set to `reject` for its tests.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const fault = (email: string, description = 'It stopped heating after a week.') =>
  returnRequest({
    type: 'product_fault',
    description,
    customer: { id: `c-${email.split('@')[0]}`, email, name: 'Li Lei', locale: 'en' },
  });

const statesEntered = async (caseId: string): Promise<string[]> =>
  ((await stack.engine.getExecution(caseId))?.events ?? [])
    .filter((event) => event.type === 'StateEntered')
    .map((event) => event.state ?? '');

const uploadPhoto = async (apiKey: string): Promise<string> => {
  const photo = Buffer.from('a photo of the broken kettle');
  const ticket = await api(stack).post(
    '/v1/attachments',
    { fileName: 'kettle.jpg', contentType: 'image/jpeg', size: photo.length },
    { apiKey },
  );
  await fetch(ticket.json.uploadUrl, { method: 'PUT', headers: ticket.json.uploadHeaders, body: photo });
  return ticket.json.attachmentId as string;
};

const setMissingEvidence = async (admin: string, missingEvidence: 'request' | 'reject'): Promise<void> => {
  const staff = await staffApi(stack, admin);
  const { version, ...rules } = (await staff.get('/v1/admin/policy')).json;
  const saved = await staff.put('/v1/admin/policy', { ...rules, version, missingEvidence });
  expect(saved.status, saved.text).toBe(200);
};

describe('Workflow: a fault filed without evidence', () => {
  it('is approved, classified and assigned, waits for the customer with an evidence email, and resumes on their photo', async () => {
    // Prepare
    const email = `no-photo-${Date.now()}@example.com`;
    const filed = await api(stack).post('/v1/cases', fault(email), { apiKey: stack.apiKeys.storeA });
    expect(filed.status).toBe(201);
    const caseId = filed.json.caseId as string;

    // Act: the workflow runs on its own
    const waiting = await parkedOn(stack, caseId, 'resolution');

    // Assess: approved for work, asking for the evidence
    expect(waiting.status).toBe('awaiting_customer');
    expect(waiting.decision).toMatchObject({
      outcome: 'approved',
      reasons: [{ code: 'evidence_requested', message: expect.stringContaining('photo') }],
    });
    expect(waiting.classification?.priority).toBeDefined();
    expect(['agent1', 'agent2']).toContain(waiting.assignee?.agentId);
    expect(waiting.notificationsSent).toEqual(expect.arrayContaining(['case_acknowledged', 'evidence_requested']));
    expect(await statesEntered(caseId)).toEqual(
      // Opened, classified and assigned in AutoReview's step (classification and assignee checked above).
      expect.arrayContaining(['AutoReview', 'AwaitResolution']),
    );
    expect(await statesEntered(caseId)).not.toContain('RejectCase');
    const request = (await emailsTo(stack, email)).find((sent) => sent.subject.includes('Please send us a photo'));
    expect(request?.text).toContain(waiting.caseNumber);
    expect(request?.text).not.toContain('stop using');
    expect(await timelineOf(stack.dependencies, caseId)).toContainEqual(
      expect.objectContaining({
        type: 'status_changed',
        from: 'open',
        to: 'awaiting_customer',
        visibility: 'public',
        details: { reason: 'evidence_requested' },
      }),
    );

    const staffView = await (await staffApi(stack, 'supervisor1')).get(`/v1/staff/cases/${caseId}`);
    expect(staffView.status).toBe(200);
    // Waiting for the customer stops the resolution clock, as when staff set the status.
    expect(staffView.json.sla.milestones.resolution).toMatchObject({ status: 'paused' });

    // Act: the customer replies with the photo
    const attachmentId = await uploadPhoto(stack.apiKeys.storeA);
    const reply = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'Here is the photo.', attachments: [attachmentId] },
      { apiKey: stack.apiKeys.storeA },
    );

    // Assess: resumed, the photo on the case for the agent, the execution still running on the resolution wait
    expect(reply.status, reply.text).toBe(201);
    const resumed = await parkedOn(stack, caseId, 'resolution');
    expect(resumed.status).toBe('in_progress');
    expect(resumed.attachments).toEqual([attachmentId]);
    expect((await stack.engine.getExecution(caseId))?.status).toBe('RUNNING');
    const agent = await staffApi(stack, resumed.assignee?.agentId as string);
    expect((await agent.get(`/v1/staff/cases/${caseId}/attachments/${attachmentId}`)).status).toBe(200);
  });

  it('is rejected as before when the store rejects missing evidence', async () => {
    // Prepare
    await setMissingEvidence('admin3', 'reject');
    const email = `rejected-${Date.now()}@example.com`;

    // Act
    const caseId = (await api(stack).post('/v1/cases', fault(email), { apiKey: stack.apiKeys.storeB })).json
      .caseId as string;
    const execution = await executionEnded(stack, caseId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    const rejected = await caseOf(stack.dependencies, caseId);
    expect(rejected.status).toBe('rejected');
    expect(rejected.decision?.reasons.map((reason) => reason.code)).toEqual(['evidence_required']);
    expect(rejected.notificationsSent).toEqual(['case_rejected']);
  });

  it('is never rejected when it names a safety hazard, even when the store rejects missing evidence', async () => {
    // Prepare
    await setMissingEvidence('admin3', 'reject');
    const email = `smoke-${Date.now()}@example.com`;

    // Act
    const caseId = (
      await api(stack).post('/v1/cases', fault(email, 'The kettle started to smoke and gave me a shock.'), {
        apiKey: stack.apiKeys.storeB,
      })
    ).json.caseId as string;
    const waiting = await parkedOn(stack, caseId, 'resolution');

    // Assess
    expect(waiting.status).toBe('awaiting_customer');
    expect(waiting.decision?.outcome).toBe('approved');
    expect(waiting.classification).toMatchObject({ priority: 'P1', severityRule: 'safety_terms' });
    expect(waiting.assignee?.agentId).toBe('agent3');
    const request = (await emailsTo(stack, email)).find((sent) => sent.subject.includes('Please send us a photo'));
    expect(request?.text).toContain('stop using the product');
    expect(await statesEntered(caseId)).not.toContain('RejectCase');
  });

  it('still asks for the evidence once a supervisor approves it from manual review', async () => {
    // Prepare: above the auto-approve limit, so a supervisor decides first
    const email = `expensive-${Date.now()}@example.com`;
    const body = {
      ...fault(email),
      items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    };
    const caseId = (await api(stack).post('/v1/cases', body, { apiKey: stack.apiKeys.storeA })).json.caseId as string;
    const pending = await parkedOn(stack, caseId, 'review');
    expect(pending.decision?.reasons.map((reason) => reason.code)).toEqual([
      'evidence_requested',
      'value_above_auto_approve_limit',
    ]);

    // Act
    const supervisor = await staffApi(stack, 'supervisor1');
    const decided = await supervisor.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'Receipt checked',
    });

    // Assess
    expect(decided.status).toBe(200);
    const waiting = await parkedOn(stack, caseId, 'resolution');
    expect(waiting.status).toBe('awaiting_customer');
    expect(waiting.decision).toMatchObject({ outcome: 'approved', decidedBy: expect.stringContaining('supervisor1') });
    expect(waiting.decision?.reasons.map((reason) => reason.code)).toEqual(['evidence_requested']);
    expect(waiting.notificationsSent).toEqual(expect.arrayContaining(['evidence_requested']));
  });

  it('waits unassigned when nobody is free, goes back to the queue on the photo, and is assigned when an agent is', async () => {
    // Prepare
    await setMissingEvidence('admin3', 'request');
    const admin = await staffApi(stack, 'admin3');
    await updateAgents(admin, { available: false }, ['agent3']);
    const caseId = await fileCase(
      stack,
      { type: 'product_fault', description: 'The lid does not close.' },
      { apiKey: stack.apiKeys.storeB },
    );
    const waiting = await waitFor(async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.status === 'awaiting_customer' && current.workflowWait ? current : undefined;
    });
    expect(waiting.assignee).toBeUndefined();

    // Act
    const attachmentId = await uploadPhoto(stack.apiKeys.storeB);
    const reply = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'Photo attached.', attachments: [attachmentId] },
      { apiKey: stack.apiKeys.storeB },
    );
    const queued = await caseOf(stack.dependencies, caseId);
    await updateAgents(admin, { available: true }, ['agent3']);

    // Assess
    expect(reply.status).toBe(201);
    expect(queued.status).toBe('open');
    expect(queued.assignee).toBeUndefined();
    const assigned = await waitFor(async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.assignee ? current : undefined;
    });
    expect(assigned.assignee?.agentId).toBe('agent3');
    expect(assigned.status).toBe('assigned');
  });
});
