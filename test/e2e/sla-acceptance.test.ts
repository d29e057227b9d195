import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, waitFor } from '../support/local-stack.js';
import { past } from '../support/wait-ceiling.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { customerView, fileCase } from '../support/storefront.js';
import { startNpmStack, type NpmStartedStack } from './support/local-process.js';

/**
 * Issue 5's acceptance, as the staff, the storefront and the staff's mailboxes see it: the local stack started with
 * `npm start` (real clock, real waits), driven over HTTP only. A 24x7 calendar and targets of seconds make a breach and
 * every escalation level happen within the test; the three scenarios run at the same time to keep it short.
 */
const REPEAT_EVERY_MS = 5_000;

// First response in seconds so its ladder is what the scenarios watch; the resolution's minute outlasts them all
// (its clock only matters to the pause, which moves it).
const secondsPolicy = slaPolicy({ firstResponse: 'PT5S', resolution: 'PT1M', repeatEvery: 'PT5S' });

interface TimelineEntry {
  type: string;
  at: string;
  from?: string;
  to?: string;
  details?: Record<string, unknown>;
}

interface StaffCaseView {
  caseNumber: string;
  status: string;
  assignee?: { agentId: string; name: string };
  workflowWait: { signal: string; since: string } | null;
  sla: {
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    escalationLevel: number;
    breaches: Array<{ milestone: string; dueAt: string; recordedAt: string | null }>;
    milestones: Record<'firstResponse' | 'resolution', { status: string; dueAt: string | null; breached: boolean }>;
  };
  timeline: TimelineEntry[];
}

interface OutboxEmail {
  to: string[];
  subject: string;
  sentAt: string;
  tags?: Record<string, string>;
}

const firstResponseEscalations = (view: StaffCaseView): TimelineEntry[] =>
  view.timeline.filter((event) => event.type === 'escalated' && event.details?.milestone === 'firstResponse');

const later = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** How long the pause scenario keeps the case awaiting the customer. */
const PAUSE_MS = 20_000;

describe('npm start: SLA deadlines and escalation', () => {
  let stack: NpmStartedStack;
  let storefront: ReturnType<typeof api>;
  let supervisor: StaffApi;

  beforeAll(async () => {
    stack = await startNpmStack('after-sales-sla-');
    storefront = api(stack);
    supervisor = await staffApi(stack, 'supervisor1');
    const admin = await staffApi(stack, 'admin1');

    const saved = await putSlaPolicy(admin, secondsPolicy);

    expect(saved.json).toMatchObject({ ...secondsPolicy, version: 1 });
  });

  afterAll(async () => stack?.stop());

  const fileCaseOf = (customerId: string): Promise<string> =>
    fileCase(stack, { customer: { id: customerId, email: `${customerId}@example.com`, name: 'Li', locale: 'en' } });

  const staffView = async (caseId: string): Promise<StaffCaseView> => {
    const response = await supervisor.get(`/v1/staff/cases/${caseId}`);
    if (response.status !== 200) throw new Error(`Staff view failed with ${response.status}: ${response.text}`);
    return response.json;
  };

  const untilView = (caseId: string, reached: (view: StaffCaseView) => boolean) =>
    waitFor(
      async () => {
        const view = await staffView(caseId);
        return reached(view) ? view : undefined;
      },
      { intervalMs: 250 },
    );

  const assignedAgentOf = (view: StaffCaseView): Promise<StaffApi> => {
    if (!view.assignee) throw new Error(`Case ${view.caseNumber} has no assignee`);
    return staffApi(stack, view.assignee.agentId);
  };

  const escalationEmailsOf = async (caseNumber: string): Promise<OutboxEmail[]> =>
    ((await storefront.get('/_local/outbox')).json as OutboxEmail[])
      .filter((email) => email.tags?.notification === 'sla_escalated' && email.subject.includes(caseNumber))
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt));

  it.concurrent(
    'climbs levels 1, 2 and 3 for a case nobody answers: agent, supervisor and admin emailed, each step on the timeline',
    async ({ expect }) => {
      const caseId = await fileCaseOf('c-sla-ladder');

      const view = await untilView(caseId, ({ sla }) => sla.escalationLevel >= 3);

      const agentId = view.assignee?.agentId;
      const dueAt = view.sla.firstResponseDueAt as string;
      expect(agentId).toEqual(expect.any(String));
      expect(view.sla.escalationLevel).toBe(3);
      expect(view.timeline.filter((event) => event.type === 'sla_breached')).toEqual([
        expect.objectContaining({ details: { milestone: 'firstResponse', dueAt } }),
      ]);
      expect(firstResponseEscalations(view).map(({ to, details }) => ({ to, ...details }))).toEqual(
        [
          { level: 1, notified: 'assigned_agent' },
          { level: 2, notified: 'supervisors' },
          { level: 3, notified: 'admins' },
        ].map((step, index) =>
          expect.objectContaining({
            ...step,
            to: String(step.level),
            dueAt: later(dueAt, index * REPEAT_EVERY_MS),
            emailed: true,
          }),
        ),
      );
      expect(view.sla.breaches).toEqual([
        expect.objectContaining({ milestone: 'firstResponse', dueAt, recordedAt: expect.any(String) }),
      ]);
      expect(view.sla.milestones.firstResponse).toMatchObject({ status: 'running', breached: true });
      // The first three by time: the resolution's own ladder starts only a minute after filing.
      const emails = (await escalationEmailsOf(view.caseNumber)).slice(0, 3);
      expect(emails.map((email) => email.to)).toEqual([
        [`${agentId}@store-a.example`],
        ['supervisor1@store-a.example'],
        ['admin1@store-a.example'],
      ]);
    },
  );

  it.concurrent(
    'stops the ladder when the assigned agent replies: no higher level and no new step when the next ones fall due',
    async ({ expect }) => {
      const caseId = await fileCaseOf('c-sla-reply');
      const escalated = await untilView(caseId, ({ sla }) => sla.escalationLevel >= 1);
      const agent = await assignedAgentOf(escalated);

      const reply = await agent.post(`/v1/staff/cases/${caseId}/replies`, {
        body: 'Sorry for the wait: a label is on its way.',
      });
      const afterReply = await staffView(caseId);
      // The workflow is past the first response (parked on the resolution), and the top of the ladder (level 3,
      // two steps after the due time) is past too: a step the reply did not stop would be on the timeline by then.
      await untilView(caseId, (view) => view.workflowWait?.signal === 'resolution');
      await past(later(afterReply.sla.firstResponseDueAt as string, 2 * REPEAT_EVERY_MS), 2_000);
      const afterWait = await staffView(caseId);

      expect(reply.status, reply.text).toBe(201);
      expect(afterReply.sla.milestones.firstResponse).toMatchObject({ status: 'met', breached: true });
      expect(afterWait.sla.escalationLevel).toBe(afterReply.sla.escalationLevel);
      expect(firstResponseEscalations(afterWait)).toEqual(firstResponseEscalations(afterReply));
      expect(firstResponseEscalations(afterWait).length).toBeGreaterThanOrEqual(1);
      expect(afterWait.sla.escalationLevel).toBeLessThan(3);
      expect((await escalationEmailsOf(afterWait.caseNumber)).length).toBe(firstResponseEscalations(afterWait).length);
    },
  );

  it.concurrent(
    "stops the resolution clock while the case awaits the customer and moves its due time by the pause on the customer's message",
    async ({ expect }) => {
      const caseId = await fileCaseOf('c-sla-pause');
      const assigned = await untilView(caseId, (view) => view.status === 'assigned');
      const agent = await assignedAgentOf(assigned);
      const reply = await agent.post(`/v1/staff/cases/${caseId}/replies`, {
        body: 'Could you send a photo of the base?',
      });
      expect(reply.status, reply.text).toBe(201);
      const working = await staffView(caseId);
      expect(working.status).toBe('in_progress');
      const dueBeforePause = working.sla.resolutionDueAt as string;

      const awaiting = await agent.post(`/v1/staff/cases/${caseId}/status`, { status: 'awaiting_customer' });
      const paused = await staffView(caseId);
      const customerPaused = await customerView(stack, caseId);
      const pausedSince = paused.timeline.find((event) => event.to === 'awaiting_customer')?.at as string;
      await past(pausedSince, PAUSE_MS);
      const message = await storefront.post(
        `/v1/cases/${caseId}/messages`,
        { body: 'Here is the photo.' },
        { apiKey: stack.apiKeys.storeA },
      );
      const answeredAt = Date.now();
      const resumed = await staffView(caseId);
      const customerResumed = await customerView(stack, caseId);

      expect(awaiting.status, awaiting.text).toBe(200);
      expect(paused.sla.resolutionDueAt).toBeNull();
      expect(paused.sla.milestones.resolution).toMatchObject({ status: 'paused', dueAt: null });
      expect(customerPaused.sla).toMatchObject({ resolutionDueAt: null, resolutionPaused: true });
      expect(message.status, message.text).toBe(201);
      expect(resumed.status).toBe('in_progress');
      expect(resumed.sla.milestones.resolution).toMatchObject({
        status: 'running',
        dueAt: resumed.sla.resolutionDueAt,
      });
      const statusChanges = resumed.timeline.filter((event) => event.type === 'status_changed');
      const pausedAt = statusChanges.find((event) => event.to === 'awaiting_customer')?.at as string;
      const resumedAt = statusChanges.find((event) => event.from === 'awaiting_customer')?.at as string;
      const moved = Date.parse(resumed.sla.resolutionDueAt as string) - Date.parse(dueBeforePause);
      expect(moved).toBe(Date.parse(resumedAt) - Date.parse(pausedAt));
      expect(moved).toBeGreaterThanOrEqual(PAUSE_MS);
      // No more than the pause lasted: from the pause to the customer's message answered.
      expect(moved).toBeLessThanOrEqual(answeredAt - Date.parse(pausedAt));
      expect(customerResumed.sla).toMatchObject({
        resolutionDueAt: resumed.sla.resolutionDueAt,
        resolutionPaused: false,
      });
    },
  );
});
