import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundResolution } from '../support/case-requests.js';
import { api, waitFor } from '../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { fileCase } from '../support/storefront.js';
import { postSurveyForm } from '../support/surveys.js';
import { startNpmStack, type NpmStartedStack } from './support/local-process.js';

/**
 * Issue 10's acceptance over `npm start`, as a customer (their mailbox, the survey link) and the agent (the staff API)
 * see it: surveyDelay PT0S, surveyReminderAfter PT30S, revisitAfter PT20S on a 24x7 calendar. Two cases run side by
 * side: one answered, reopened and answered again, then closed; one never answered, which gets exactly one reminder.
 */
const policy = slaPolicy({
  firstResponse: 'PT1H',
  resolution: 'P1D',
  repeatEvery: 'PT1H',
  aftercare: { surveyDelay: 'PT0S', surveyReminderAfter: 'PT30S', surveyExpiresAfter: 'PT10M', revisitAfter: 'PT20S' },
});

interface OutboxEmail {
  to: string[];
  subject: string;
  text: string;
  sentAt: string;
}

const LINK = /https?:\/\/[^\s"'<>]+\/survey\/[A-Za-z0-9_.-]+/;

describe('npm start: survey, revisit, reopen and close', () => {
  let stack: NpmStartedStack;
  let supervisor: StaffApi;

  beforeAll(async () => {
    stack = await startNpmStack('after-sales-survey-');
    supervisor = await staffApi(stack, 'supervisor1');
    await putSlaPolicy(await staffApi(stack, 'admin1'), policy);
  });
  afterAll(async () => stack?.stop());

  const outboxTo = async (address: string): Promise<OutboxEmail[]> =>
    ((await api(stack).get('/_local/outbox')).json as OutboxEmail[]).filter((email) => email.to.includes(address));
  const surveyLinks = async (address: string): Promise<string[]> =>
    (await outboxTo(address)).flatMap((email) => LINK.exec(email.text)?.[0] ?? []);
  const linksArrive = (address: string, count: number) =>
    waitFor(async () => ((await surveyLinks(address)).length >= count ? surveyLinks(address) : undefined), {
      intervalMs: 250,
    });
  const staffView = async (caseId: string) => (await supervisor.get(`/v1/staff/cases/${caseId}`)).json;
  const viewWhen = (caseId: string, ready: (view: any) => boolean) =>
    waitFor(
      async () => {
        const view = await staffView(caseId);
        return ready(view) ? view : undefined;
      },
      { intervalMs: 500 },
    );
  const executionStatus = async (caseId: string): Promise<string | undefined> => {
    try {
      const file = join(stack.dataDir, 'executions', `${encodeURIComponent(caseId)}.json`);
      return (JSON.parse(await readFile(file, 'utf8')) as { status: string }).status;
    } catch {
      return undefined;
    }
  };

  /** A case of its own customer, assigned, answered and resolved by its agent. */
  const resolvedCase = async (name: string) => {
    const email = `${name}-${Date.now()}@example.com`;
    const caseId = await fileCase(stack, { customer: { id: name, email, name: 'Li Lei', locale: 'en' } });
    const assigned = await viewWhen(
      caseId,
      (view) => view.status === 'assigned' && view.workflowWait?.signal === 'firstResponse',
    );
    const agent = await staffApi(stack, assigned.assignee.agentId);
    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Sorry, on it.' })).status).toBe(201);
    await viewWhen(caseId, (view) => view.workflowWait?.signal === 'resolution');
    expect((await agent.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);
    return { caseId, email, agent, agentId: assigned.assignee.agentId as string };
  };

  it('runs the whole follow-up as customers and agents would', async () => {
    const [answered, silent] = await Promise.all([resolvedCase('survey-answered'), resolvedCase('survey-silent')]);

    // A survey email at once (surveyDelay PT0S): sent by the step the resolution started, before the workflow's first
    // wake-up (the revisit, 20 s after the resolution), as the product's own instants say; opening its link records
    // nothing.
    const [link] = await linksArrive(answered.email, 1);
    const sending = await staffView(answered.caseId);
    const sentAt = Date.parse(sending.survey.sentAt);
    expect(sentAt).toBeGreaterThanOrEqual(Date.parse(sending.resolution.resolvedAt));
    expect(sentAt).toBeLessThan(Date.parse(sending.revisit.dueAt));
    const page = await fetch(`${link}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await staffView(answered.caseId)).survey).toMatchObject({ status: 'sent' });

    // The five ratings and a comment, recorded once, shown to staff with the resolving agent.
    const fields = {
      overall: '5',
      attitude: '5',
      professionalism: '4',
      problemSolving: '5',
      speed: '4',
      comment: 'Fast refund, thanks!',
    };
    expect((await postSurveyForm(link as string, fields)).status).toBe(200);
    const view = await staffView(answered.caseId);
    expect(view.survey).toMatchObject({
      status: 'answered',
      ratings: { overall: 5, attitude: 5, professionalism: 4, problemSolving: 5, speed: 4 },
      comment: 'Fast refund, thanks!',
      attribution: { agentId: answered.agentId },
    });
    expect((await postSurveyForm(link as string, fields)).status).toBe(410);
    const last = (link as string).at(-1) === 'A' ? 'B' : 'A';
    expect((await postSurveyForm(`${(link as string).slice(0, -1)}${last}`, fields)).status).toBe(404);

    // The revisit task in the agent's queue after ~20 s; "recurred" reopens the case to the agent.
    const due = await viewWhen(answered.caseId, (current) => current.revisit?.openedAt !== undefined);
    expect(Date.parse(due.revisit.dueAt) - Date.parse(due.resolution.resolvedAt)).toBe(20_000); // 24x7 calendar
    expect(Date.parse(due.revisit.openedAt)).toBeGreaterThanOrEqual(Date.parse(due.revisit.dueAt));
    const queue = await answered.agent.get('/v1/staff/cases?type=revisit');
    expect(queue.json.items.map((line: { caseId: string }) => line.caseId)).toContain(answered.caseId);
    const recurred = await answered.agent.post(`/v1/staff/cases/${answered.caseId}/revisit`, {
      outcome: 'recurred',
      note: 'The base leaks again.',
    });
    expect(recurred.status, recurred.text).toBe(200);
    const reopened = await viewWhen(answered.caseId, (current) => current.workflowWait?.signal === 'resolution');
    expect(reopened).toMatchObject({ status: 'in_progress', round: 2, assignee: { agentId: answered.agentId } });

    // Resolving again sends a second survey with a new token; the first token stays refused.
    expect((await answered.agent.post(`/v1/staff/cases/${answered.caseId}/resolve`, refundResolution)).status).toBe(
      200,
    );
    const [second] = await linksArrive(answered.email, 2);
    expect(second).not.toBe(link);
    expect((await postSurveyForm(link as string, fields)).status).toBe(410);
    expect((await postSurveyForm(second as string, { overall: '4' })).status).toBe(200);

    // The unanswered survey got exactly one reminder (30 s after it was sent).
    const silentLinks = await linksArrive(silent.email, 2);
    expect(silentLinks).toHaveLength(2);
    expect(new Set(silentLinks).size).toBe(1);

    // "ok" on the second revisit closes the case and the workflow ends.
    await viewWhen(answered.caseId, (current) => current.revisit?.openedAt !== undefined);
    const ok = await answered.agent.post(`/v1/staff/cases/${answered.caseId}/revisit`, { outcome: 'ok' });
    expect(ok.status, ok.text).toBe(200);
    await waitFor(async () => ((await executionStatus(answered.caseId)) === 'SUCCEEDED' ? true : undefined), {
      intervalMs: 250,
    });
    const closed = await staffView(answered.caseId);
    expect(closed).toMatchObject({ status: 'closed', workflowWait: null, revisit: { outcome: 'ok' } });
    expect(closed.rounds).toHaveLength(1);
    expect(closed.rounds[0]).toMatchObject({ survey: { status: 'answered' }, revisit: { outcome: 'recurred' } });
    // The step that sent the reminder has parked the workflow again (until the link expires): no second reminder.
    await viewWhen(
      silent.caseId,
      (current) =>
        current.survey?.reminderSentAt !== undefined &&
        current.workflowWait !== null &&
        current.workflowWait.since >= current.survey.reminderSentAt,
    );
    expect(await surveyLinks(silent.email)).toHaveLength(2);
  });
});
