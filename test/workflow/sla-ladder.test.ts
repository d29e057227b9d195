import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaMilestone } from '../../functions/domain/sla/sla-policy.js';
import type { TimelineEvent } from '../../functions/domain/timeline.js';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { emailsAbout } from '../support/outbox.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { past } from '../support/wait-ceiling.js';
import { levelOf, parkedOn, reachesLevel } from '../support/workflow-waits.js';

/**
 * The SLA ladder on the real ASL file, the real task handlers and DynamoDB Local, with compressed durations set through
 * the admin API: a 24x7 calendar and targets of seconds, so a breach and every level happen within a test. One policy
 * for the file and a case of its own per test, and no test acts inside a window of the ladder, so they run at the same
 * time and their waits on the clock overlap (the tests that act inside a window are in `sla-escalation.test.ts`).
 */
const STEP_MS = 3_000; // the first-response target and the ladder's repeatEvery below
const escalationsOf = (timeline: TimelineEvent[], milestone: SlaMilestone) =>
  timeline.filter((event) => event.type === 'escalated' && event.details?.milestone === milestone);

describe.concurrent('Workflow: SLA ladder (24x7, seconds)', () => {
  let stack: TestStack;
  let admin: StaffApi;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await staffApi(stack, 'admin1');
    await putSlaPolicy(admin, slaPolicy({ firstResponse: 'PT3S', resolution: 'PT1M', repeatEvery: 'PT3S' }));
  });
  afterAll(async () => stack?.stop());

  it('climbs levels 1, 2 and 3 for an unanswered case: agent, supervisor, admin emailed, each step recorded', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agentId = assigned.assignee?.agentId as string;

    const escalated = await reachesLevel(stack, caseId, 'firstResponse', 3);

    const timeline = await timelineOf(stack.dependencies, caseId);
    expect(escalationsOf(timeline, 'firstResponse').map((event) => event.details?.level)).toEqual([1, 2, 3]);
    expect(escalationsOf(timeline, 'firstResponse').map((event) => event.details?.notified)).toEqual([
      'assigned_agent',
      'supervisors',
      'admins',
    ]);
    expect(escalated.escalation?.breaches).toEqual([
      expect.objectContaining({ milestone: 'firstResponse', dueAt: expect.any(String) }),
    ]);
    const emails = await emailsAbout(stack, escalated.caseNumber);
    expect(emails.filter((email) => email.tags?.notification === 'sla_escalated').map((email) => email.to)).toEqual(
      expect.arrayContaining([
        [`${agentId}@store-a.example`],
        ['supervisor1@store-a.example'],
        ['admin1@store-a.example'],
      ]),
    );
    const view = (await (await staffApi(stack, 'supervisor1')).get(`/v1/staff/cases/${caseId}`)).json;
    expect(view.sla).toMatchObject({
      escalationLevel: 3,
      breaches: [expect.objectContaining({ milestone: 'firstResponse', metAt: null })],
    });
    expect(view.sla.milestones.firstResponse.remainingBusinessSeconds).toBeLessThan(0);
  });

  it('tells the supervisors at assignment when the case is a P1, with its first-response due time', async () => {
    const caseId = await fileCase(stack, { severity: 'critical', urgency: 'high' });
    const assigned = await parkedOn(stack, caseId, 'firstResponse');

    const notice = await waitFor(async () =>
      (await emailsAbout(stack, assigned.caseNumber)).find((email) => email.tags?.notification === 'p1_case_assigned'),
    );

    expect(assigned.classification?.priority).toBe('P1');
    expect(notice.to).toEqual(['supervisor1@store-a.example']);
    expect(notice.text).toContain(assigned.assignee?.name as string);
  });

  it('starts the clocks at the approval of a long manual review: no burst of every level at assignment', async () => {
    const caseId = await fileCase(stack, {
      items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    });
    const inReview = await parkedOn(stack, caseId, 'review');
    // Longer than the whole ladder (levels 3, 6 and 9 s after the clocks start) since the case was filed.
    await past(inReview.createdAt, 3 * STEP_MS + 1_000);
    const supervisor = await staffApi(stack, 'supervisor1');

    const decided = await supervisor.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'Receipt checked',
    });

    expect(decided.status).toBe(200);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const approvedAt = assigned.decision?.decidedAt as string;
    // The ladder climbs from the approval, one level at a time: level 1 alone, a target after the approval.
    const escalated = await reachesLevel(stack, caseId, 'firstResponse', 1);
    expect(levelOf(escalated, 'firstResponse')).toBe(1);
    const ladderEmails = (await emailsAbout(stack, escalated.caseNumber)).filter(
      (email) => email.tags?.notification === 'sla_escalated',
    );
    expect(ladderEmails.map((email) => email.to)).toEqual([[`${assigned.assignee?.agentId}@store-a.example`]]);
    const timeline = await timelineOf(stack.dependencies, caseId);
    const [level1] = escalationsOf(timeline, 'firstResponse');
    expect(Date.parse(level1?.at as string) - Date.parse(approvedAt)).toBeGreaterThanOrEqual(STEP_MS);
    // Where the clocks started is on the staff view and on the approval's timeline event.
    const { sla } = (await supervisor.get(`/v1/staff/cases/${caseId}`)).json;
    expect(sla.milestones.firstResponse.startedAt).toBe(approvedAt);
    expect(Date.parse(sla.firstResponseDueAt) - Date.parse(approvedAt)).toBe(STEP_MS);
    const approval = timeline.find((event) => event.type === 'decision_made' && event.from === 'manual_review');
    expect(approval?.details).toMatchObject({ slaClocksStartedAt: approvedAt });
  });
});
