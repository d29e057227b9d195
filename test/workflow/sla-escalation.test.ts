import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaMilestone } from '../../functions/domain/sla/sla-policy.js';
import type { TimelineEvent } from '../../functions/domain/timeline.js';
import { api, startTestStack, type TestStack } from '../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { past } from '../support/wait-ceiling.js';
import { executionEnded, levelOf, parkedOn, reachesLevel } from '../support/workflow-waits.js';

/**
 * The SLA ladder on the real ASL file, the real task handlers and DynamoDB Local, with compressed durations set through
 * the admin API: a 24x7 calendar and targets of seconds, so a breach and every level happen within a test. These
 * tests act inside a window of the ladder (before the due time, between two levels): its steps are 5 s here, wider
 * than the ladder's own file (`sla-ladder.test.ts`) so a busy machine still acts in time, and the tests run at the
 * same time so those waits overlap. Policy changes, pauses and the resolution ladder are in
 * `sla-pause-and-policy.test.ts`.
 */
const STEP_MS = 5_000; // the first-response target and the ladder's repeatEvery below
/** Store B's targets in the test that the reply meets: wide, so that only the product can make it late. */
const MET_TARGETS = { firstResponse: 'PT30S', resolution: 'PT5M', repeatEvery: 'PT30S' } as const;
const escalationsOf = (timeline: TimelineEvent[], milestone: SlaMilestone) =>
  timeline.filter((event) => event.type === 'escalated' && event.details?.milestone === milestone);

/** When the milestone's last escalation was recorded, as the timeline says. */
const lastEscalationAt = (timeline: TimelineEvent[], milestone: SlaMilestone): string =>
  escalationsOf(timeline, milestone).at(-1)?.at as string;

describe.concurrent('Workflow: SLA wait and escalate (24x7, seconds)', () => {
  let stack: TestStack;
  let admin: StaffApi;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await staffApi(stack, 'admin1');
    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT5S', resolution: 'PT1M', repeatEvery: 'PT5S' }));
  });
  afterAll(async () => stack?.stop());

  it('meets the first response: the reply ends the wait before its due time, nothing is escalated', async () => {
    // Store B, with a target a busy machine cannot miss between the assignment and the reply (the 5 s above it can).
    await putSlaPolicy(await staffApi(stack, 'admin3'), slaPolicy(MET_TARGETS));
    const caseId = await fileCase(stack, {}, { apiKey: stack.apiKeys.storeB });
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);

    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Looking into it.' })).status).toBe(201);
    await parkedOn(stack, caseId, 'resolution');
    await past(assigned.deadlines?.firstResponseDueAt as string, 1_000); // when a breach would have been recorded

    const view = (await agent.get(`/v1/staff/cases/${caseId}`)).json;
    expect(view.sla.milestones.firstResponse).toMatchObject({ status: 'met', breached: false });
    expect(view.sla).toMatchObject({ escalationLevel: 0, breaches: [] });
    expect((await timelineOf(stack.dependencies, caseId)).map((event) => event.type)).not.toContain('sla_breached');
  });

  it('stops the first-response ladder when the agent replies after level 2', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    await reachesLevel(stack, caseId, 'firstResponse', 2);
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);

    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Sorry for the wait.' })).status).toBe(201);
    await parkedOn(stack, caseId, 'resolution');
    // Past the moment level 3 would have been taken.
    await past(lastEscalationAt(await timelineOf(stack.dependencies, caseId), 'firstResponse'), STEP_MS + 1_000);

    const current = await caseOf(stack.dependencies, caseId);
    expect(levelOf(current, 'firstResponse')).toBe(2);
    expect(escalationsOf(await timelineOf(stack.dependencies, caseId), 'firstResponse')).toHaveLength(2);
    const view = (await agent.get(`/v1/staff/cases/${caseId}`)).json;
    expect(view.sla.breaches).toEqual([
      expect.objectContaining({ milestone: 'firstResponse', metAt: current.firstRespondedAt }),
    ]);
  });

  it('ends the ladder when the customer cancels during it', async () => {
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    await reachesLevel(stack, caseId, 'firstResponse', 1);

    const cancelled = await api(stack).post(
      `/v1/cases/${caseId}/cancel`,
      { reason: 'Too slow' },
      {
        apiKey: stack.apiKeys.storeA,
      },
    );
    expect(cancelled.status).toBe(200);
    expect((await executionEnded(stack, caseId)).status).toBe('SUCCEEDED');
    // Past the moment level 2 would have been taken.
    await past(lastEscalationAt(await timelineOf(stack.dependencies, caseId), 'firstResponse'), STEP_MS + 1_000);

    expect(levelOf(await caseOf(stack.dependencies, caseId), 'firstResponse')).toBe(1);
    expect(cancelled.json.sla).toMatchObject({ firstResponseDueAt: expect.any(String) });
  });
});
