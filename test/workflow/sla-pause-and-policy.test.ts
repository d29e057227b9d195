import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgents } from '../support/admin-agents.js';
import { refundResolution } from '../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { emailsAbout } from '../support/outbox.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { customerView, fileCase } from '../support/storefront.js';
import { levelOf, parkedOn, reachesLevel } from '../support/workflow-waits.js';

/**
 * The SLA clocks on the real ASL file, the real task handlers and DynamoDB Local, with compressed durations set through
 * the admin API: a 24x7 calendar and targets of seconds. Each test sets the store's policy, so they run one after the
 * other; the ladder under one fixed policy is in `sla-escalation.test.ts`.
 */
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('Workflow: SLA pause, resolution breach and policy change (24x7, seconds)', () => {
  let stack: TestStack;
  let admin: StaffApi;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await staffApi(stack, 'admin1');
    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT1M', resolution: 'PT4S', repeatEvery: 'PT1M' }));
  });
  afterAll(async () => stack?.stop());

  it('breaches the resolution and reminds the agent, once the case was answered but not resolved', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agentId = assigned.assignee?.agentId as string;
    const agent = await staffApi(stack, agentId);
    await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'We will refund you.' });

    const escalated = await reachesLevel(stack, caseId, 'resolution', 1);

    expect(escalated.escalation?.breaches.map((breach) => breach.milestone)).toEqual(['resolution']);
    const emails = await emailsAbout(stack, escalated.caseNumber);
    expect(emails.filter((email) => email.tags?.notification === 'sla_escalated').map((email) => email.to)).toEqual([
      [`${agentId}@store-a.example`],
    ]);
    expect((await agent.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);
    // The ladder stops: the execution goes on to the follow-up stage and parks there.
    await parkedOn(stack, caseId, 'aftercare');
  });

  it('moves the resolution due time by the time spent awaiting the customer, and resumes on their message', async () => {
    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT1M', resolution: 'PT1M', repeatEvery: 'PT1M' }));
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);
    await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Which colour was it?' });
    await parkedOn(stack, caseId, 'resolution');
    const dueBefore = (await agent.get(`/v1/staff/cases/${caseId}`)).json.sla.resolutionDueAt as string;

    expect((await agent.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' })).status).toBe(200);
    const paused = (await agent.get(`/v1/staff/cases/${caseId}`)).json.sla;
    await sleep(2_000);
    const message = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'It was red.' },
      {
        apiKey: stack.apiKeys.storeA,
      },
    );
    expect(message.status).toBe(201);

    const resumed = (await agent.get(`/v1/staff/cases/${caseId}`)).json.sla;
    const statusEvents = (await timelineOf(stack.dependencies, caseId)).filter(
      (event) => event.type === 'status_changed',
    );
    const pausedAt = Date.parse(statusEvents.find((event) => event.to === 'awaiting_customer')?.at as string);
    const resumedAt = Date.parse(statusEvents.find((event) => event.from === 'awaiting_customer')?.at as string);
    expect(paused).toMatchObject({ resolutionDueAt: null, milestones: { resolution: { status: 'paused' } } });
    expect(Date.parse(resumed.resolutionDueAt) - Date.parse(dueBefore)).toBe(resumedAt - pausedAt);
    expect(resumed.milestones.resolution.status).toBe('running');
    expect((await customerView(stack, caseId)).sla).toEqual({
      firstResponseDueAt: expect.any(String),
      resolutionDueAt: resumed.resolutionDueAt,
      resolutionPaused: false,
    });
    // The queue's order follows: the stored due times moved too.
    await waitFor(
      async () => (await caseOf(stack.dependencies, caseId)).deadlines?.resolutionDueAt === resumed.resolutionDueAt,
    );
  });

  it('warns the agent once at the share of the target the policy sets, before the breach', async () => {
    await putSlaPolicy(
      admin,
      slaPolicy({ firstResponse: 'PT6S', resolution: 'P1D', repeatEvery: 'PT1H', warnAt: 0.5 }),
    );
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');

    const warned = await waitFor(async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.escalation?.ladders.firstResponse?.warned ? current : undefined;
    });

    expect(levelOf(warned, 'firstResponse')).toBe(0);
    const warnings = (await timelineOf(stack.dependencies, caseId)).filter((event) => event.type === 'sla_warning');
    expect(warnings).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ milestone: 'firstResponse', emailed: true }) }),
    ]);
    // At half of the 6 s target, three seconds before the due time it names.
    expect(Date.parse(warnings[0]?.at as string) - Date.parse(assigned.createdAt)).toBeGreaterThanOrEqual(3_000);
    const emails = await emailsAbout(stack, warned.caseNumber);
    expect(emails.filter((email) => email.tags?.notification === 'sla_warning').map((email) => email.to)).toEqual([
      [`${assigned.assignee?.agentId}@store-a.example`],
    ]);
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);
    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Answering now.' })).status).toBe(201);
  });

  it('breaches an unassigned case too, and tells the supervisors', async () => {
    // Prepare: nobody available, a first response due in 3 s.
    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT3S', resolution: 'P1D', repeatEvery: 'PT1H' }));
    const unavailable = await updateAgents(admin, { available: false });
    expect(unavailable.map((response) => response.status)).toEqual(unavailable.map(() => 200));

    try {
      // Act
      const caseId = await fileCase(stack);
      await parkedOn(stack, caseId, 'assignment');
      const escalated = await reachesLevel(stack, caseId, 'firstResponse', 1);

      // Assess
      expect(escalated.assignee).toBeUndefined();
      expect(escalated.escalation?.breaches.map((breach) => breach.milestone)).toEqual(['firstResponse']);
      const emails = await emailsAbout(stack, escalated.caseNumber);
      expect(emails.filter((email) => email.tags?.notification === 'sla_escalated').map((email) => email.to)).toEqual([
        ['supervisor1@store-a.example'],
      ]);
    } finally {
      await updateAgents(admin, { available: true });
    }
  });

  it('applies a policy change to a waiting case at once: a shorter target re-times its wait', async () => {
    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT1H', resolution: 'P1D', repeatEvery: 'PT1H' }));
    const caseId = await fileCase(stack);
    const parked = await parkedOn(stack, caseId, 'firstResponse');
    expect(Date.parse(parked.workflowWait?.wakeAt as string) - Date.now()).toBeGreaterThan(30 * 60_000);

    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT3S', resolution: 'P1D', repeatEvery: 'PT1H' }));

    const escalated = await reachesLevel(stack, caseId, 'firstResponse', 1);
    const breach = escalated.escalation?.breaches[0];
    expect(Date.parse(breach?.dueAt as string) - Date.parse(escalated.createdAt)).toBe(3_000);
  });
});
