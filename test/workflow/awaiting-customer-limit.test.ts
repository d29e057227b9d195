import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { emailsAbout } from '../support/outbox.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { setStoreSettings, storeShows } from '../support/store-profile.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { parkedAfter, parkedOn } from '../support/workflow-waits.js';

/**
 * A case parked in `awaiting_customer` (its resolution clock stopped) on the real ASL and local engine, with the
 * store's awaiting-customer reminder and limit compressed to seconds: one reminder to the customer, then at the limit
 * the store's outcome, resolved as no action or flagged for the supervisors.
 */
describe('Workflow: a case awaiting the customer past the store limit', () => {
  let stack: TestStack;
  let supervisor: StaffApi;

  beforeAll(async () => {
    stack = await startTestStack();
    supervisor = await staffApi(stack, 'supervisor1');
    // Long SLA targets: nothing escalates during a test; only the customer wait wakes the workflow.
    await putSlaPolicy(
      await staffApi(stack, 'admin1'),
      slaPolicy({ firstResponse: 'PT1H', resolution: 'PT1H', repeatEvery: 'PT1H' }),
    );
  });
  afterAll(async () => stack?.stop());

  /** A case the agent answered and then set to await the customer; returns it with its agent's API. */
  const awaitingCase = async (settings: Record<string, string>) => {
    await setStoreSettings(stack, 'store-a', settings);
    await storeShows(stack, 'store-a', settings);
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agentId = assigned.assignee?.agentId as string;
    const agent = await staffApi(stack, agentId);
    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Which colour was it?' })).status).toBe(201);
    await parkedOn(stack, caseId, 'resolution');
    expect((await agent.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' })).status).toBe(200);
    return { caseId, agentId, caseNumber: assigned.caseNumber, agent };
  };

  const notificationsAbout = async (caseNumber: string, kind: string) =>
    (await emailsAbout(stack, caseNumber)).filter((email) => email.tags?.notification === kind);

  it('reminds the customer once, then resolves the case as no action at the limit and runs the follow-up stage', async () => {
    const { caseId, agentId, caseNumber } = await awaitingCase({
      awaitingCustomerReminderAfter: 'PT3S',
      awaitingCustomerLimit: 'PT6S',
      awaitingCustomerOutcome: 'resolve_no_action',
    });
    const loadWhileWaiting = (await stack.dependencies.agents.get('store-a', agentId))?.openCases as number;

    const reminders = await waitFor(async () => {
      const sent = await notificationsAbout(caseNumber, 'awaiting_customer_reminder');
      return sent.length > 0 ? sent : undefined;
    });
    expect((await caseOf(stack.dependencies, caseId)).status).toBe('awaiting_customer');
    const resolved = await waitFor(async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.status === 'resolved' ? current : undefined;
    });
    await parkedOn(stack, caseId, 'aftercare');

    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.subject).toMatch(/提醒|Reminder/);
    expect(resolved.resolution).toMatchObject({
      type: 'no_action',
      rootCause: 'other',
      resolvedBy: 'workflow',
      summary: expect.stringContaining('PT6S内未收到'),
    });
    expect((await stack.dependencies.agents.get('store-a', agentId))?.openCases).toBe(loadWhileWaiting - 1);
    const timeline = await timelineOf(stack.dependencies, caseId);
    expect(timeline.find((event) => event.type === 'resolved')).toMatchObject({
      actor: { kind: 'system' },
      from: 'awaiting_customer',
      to: 'resolved',
      details: { type: 'no_action', reason: 'customer_unresponsive' },
    });
    const reminderAt = Date.parse(
      timeline.find((event) => event.details?.notification?.toString().startsWith('awaiting_customer_reminder'))
        ?.at as string,
    );
    const waitAt = Date.parse(timeline.find((event) => event.to === 'awaiting_customer')?.at as string);
    expect(reminderAt - waitAt).toBeGreaterThanOrEqual(3_000);
    expect(await notificationsAbout(caseNumber, 'case_resolved')).toHaveLength(1);
    expect(await notificationsAbout(caseNumber, 'awaiting_customer_reminder')).toHaveLength(1);
  });

  it('flags the case for the supervisors at the limit when the store says so: listed, emailed, left open', async () => {
    const { caseId, caseNumber } = await awaitingCase({
      awaitingCustomerReminderAfter: 'PT2S',
      awaitingCustomerLimit: 'PT4S',
      awaitingCustomerOutcome: 'flag',
    });

    const flagged = await waitFor(async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.customerWaitFlag ? current : undefined;
    });
    // The step that flagged it has parked the workflow again: nothing more happens after the flag.
    await parkedAfter(stack, caseId, flagged.customerWaitFlag?.flaggedAt as string);

    expect(flagged.status).toBe('awaiting_customer');
    const listed = await supervisor.get('/v1/staff/cases?flagged=true');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.items.find((line: { caseId: string }) => line.caseId === caseId)).toMatchObject({
      status: 'awaiting_customer',
      customerWaitFlaggedSince: flagged.customerWaitFlag?.since,
    });
    expect((await (await staffApi(stack, 'agent1')).get('/v1/staff/cases?flagged=true')).status).toBe(403);
    const overdue = await notificationsAbout(caseNumber, 'awaiting_customer_overdue');
    expect(overdue.map((email) => email.to)).toEqual([['supervisor1@store-a.example']]);
    expect(await notificationsAbout(caseNumber, 'awaiting_customer_reminder')).toHaveLength(1);
    const types = (await timelineOf(stack.dependencies, caseId)).map((event) => event.type);
    expect(types.filter((type) => type === 'customer_wait_flagged')).toHaveLength(1);
    expect((await caseOf(stack.dependencies, caseId)).workflowWait?.signal).toBe('resolution');

    // The customer answers: the case is back at work and off the flagged list.
    const message = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'It was red.' },
      { apiKey: stack.apiKeys.storeA },
    );
    expect(message.status).toBe(201);
    const after = await supervisor.get('/v1/staff/cases?flagged=true');
    expect(after.json.items.map((line: { caseId: string }) => line.caseId)).not.toContain(caseId);
  });
});
