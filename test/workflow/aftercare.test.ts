import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../functions/domain/case.js';
import { refundResolution } from '../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { postSurveyForm, surveyEmailsTo, surveyLinksTo } from '../support/surveys.js';
import { executionEnded, parkedAfter, parkedOn } from '../support/workflow-waits.js';

/**
 * The stage after the resolution on the real ASL, the real handlers and DynamoDB Local, with compressed durations
 * (24x7 calendar): the survey (answered, reminded then answered, expired), the revisit (ok closes, recurred reopens,
 * a second round with a second survey), a customer message that reopens, and the end of the execution.
 */
let stack: TestStack;
let admin: StaffApi;
let supervisor: StaffApi;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await staffApi(stack, 'admin1');
  supervisor = await staffApi(stack, 'supervisor1');
});
afterAll(async () => stack?.stop());

const aftercare = (settings: Parameters<typeof slaPolicy>[0]['aftercare']) =>
  putSlaPolicy(
    admin,
    slaPolicy({ firstResponse: 'PT1H', resolution: 'P1D', repeatEvery: 'PT1H', aftercare: settings }),
  );

let customerCount = 0;
/** A case of a customer of its own, assigned and answered, parked on its resolution; and its agent's API. */
const caseInProgress = async (): Promise<{ caseId: string; email: string; agent: StaffApi; agentId: string }> => {
  customerCount += 1;
  const email = `aftercare-${customerCount}-${Date.now()}@example.com`;
  const caseId = await fileCase(stack, {
    customer: { id: `c-after-${customerCount}`, email, name: 'Lin', locale: 'en' },
  });
  const assigned = await parkedOn(stack, caseId, 'firstResponse');
  const agentId = assigned.assignee?.agentId as string;
  const agent = await staffApi(stack, agentId);
  expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' })).status).toBe(201);
  await parkedOn(stack, caseId, 'resolution');
  return { caseId, email, agent, agentId };
};

const resolve = async (agent: StaffApi, caseId: string) => {
  const resolved = await agent.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution);
  expect(resolved.status, resolved.text).toBe(200);
};

const caseWhen = (caseId: string, ready: (value: Case) => boolean) =>
  waitFor(
    async () => {
      const value = await caseOf(stack.dependencies, caseId);
      return ready(value) ? value : undefined;
    },
    { intervalMs: 100 },
  );

const finishedExecution = async (caseId: string) => {
  const execution = await executionEnded(stack, caseId);
  expect(execution.status).toBe('SUCCEEDED');
  const states = (execution.events ?? []).filter((event) => event.type === 'StateEntered').map((event) => event.state);
  expect(states.at(-1)).toBe('CaseClosed');
  return states;
};

const eventTypes = async (caseId: string) => (await timelineOf(stack.dependencies, caseId)).map((event) => event.type);

describe('Workflow: survey, revisit, reopen and close', () => {
  it('sends the survey at once, records the answer once with the resolving agent, closes on the revisit ok', async () => {
    await aftercare({
      revisitAfter: 'PT2S',
    });
    const { caseId, email, agent, agentId } = await caseInProgress();
    await resolve(agent, caseId);

    const [link] = await surveyEmailsTo(stack, email);
    const opened = await fetch(`${link}?overall=2`);
    expect(opened.status).toBe(200);
    expect((await caseOf(stack.dependencies, caseId)).survey).toMatchObject({ status: 'sent' });
    expect(await eventTypes(caseId)).not.toContain('survey_answered');

    expect((await postSurveyForm(link as string)).status).toBe(200);
    const answered = await caseOf(stack.dependencies, caseId);
    expect(answered.survey).toMatchObject({
      status: 'answered',
      ratings: { overall: 5, attitude: 4, professionalism: 5, problemSolving: 4, speed: 3 },
      comment: 'Quick and kind.',
      attribution: { agentId, type: 'return', resolutionType: 'refund', rootCause: 'production_quality' },
    });
    expect((await postSurveyForm(link as string)).status).toBe(410);

    const due = await caseWhen(caseId, (value) => value.revisit?.openedAt !== undefined);
    expect(due.status).toBe('resolved');
    const queue = await agent.get('/v1/staff/cases?assignee=me&type=revisit');
    expect(queue.json.items.map((line: { caseId: string }) => line.caseId)).toContain(caseId);
    expect(queue.json.items.find((line: { caseId: string }) => line.caseId === caseId).revisitDueAt).toBe(
      due.revisit?.answerDueAt,
    );
    const agentEmail = `${agentId}@`;
    expect(
      (await stack.outbox.list()).some(
        (sent) => sent.to.some((to) => to.startsWith(agentEmail)) && sent.subject.includes(due.caseNumber),
      ),
    ).toBe(true);

    const ok = await agent.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok', note: 'Works fine.' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.status).toBe('closed');
    const states = await finishedExecution(caseId);
    expect(states).toEqual(expect.arrayContaining(['FollowUpCase', 'AwaitAftercare']));
    expect(await eventTypes(caseId)).toEqual(
      expect.arrayContaining([
        'survey_sent',
        'survey_answered',
        'revisit_scheduled',
        'revisit_due',
        'revisit_completed',
        'closed',
      ]),
    );
    const staffView = await supervisor.get(`/v1/staff/cases/${caseId}`);
    expect(staffView.json.survey).toMatchObject({ status: 'answered', ratings: { overall: 5 } });
    expect(staffView.json.survey.tokenId).toBeUndefined();
    expect(staffView.json.revisit).toMatchObject({ outcome: 'ok', status: 'done' });
    const customerView = await api(stack).get(`/v1/cases/${caseId}`, { apiKey: stack.apiKeys.storeA });
    expect(customerView.json.survey).toEqual({ status: 'answered', answeredAt: answered.survey?.answeredAt });
    expect(JSON.stringify(customerView.json)).not.toContain(answered.survey?.tokenId);
  });

  it('reminds exactly once, then records a late answer; without revisits the answer closes the case', async () => {
    await aftercare({
      surveyReminderAfter: 'PT2S',
      surveyExpiresAfter: 'PT1M',
      revisitAfter: 'PT0S',
    });
    const { caseId, email, agent } = await caseInProgress();
    await resolve(agent, caseId);
    await surveyEmailsTo(stack, email, 2);
    // The step that sent the reminder has parked the workflow again (until the link expires): no second reminder.
    const reminded = await caseWhen(caseId, (value) => value.survey?.reminderSentAt !== undefined);
    await parkedAfter(stack, caseId, reminded.survey?.reminderSentAt as string);
    const links = await surveyLinksTo(stack, email);
    expect(links).toHaveLength(2);
    expect(new Set(links).size).toBe(1);
    expect((await postSurveyForm(links[0] as string, { overall: '4' })).status).toBe(200);
    await finishedExecution(caseId);
    const closed = await caseOf(stack.dependencies, caseId);
    expect(closed).toMatchObject({ status: 'closed', survey: { status: 'answered', ratings: { overall: 4 } } });
    expect(closed.survey?.reminderSentAt).toBeDefined();
  });

  it('expires an unanswered survey, closes the case without revisits, and refuses the link with 410', async () => {
    await aftercare({
      surveyReminderAfter: 'PT0S',
      surveyExpiresAfter: 'PT3S',
      revisitAfter: 'PT0S',
    });
    const { caseId, email, agent } = await caseInProgress();
    await resolve(agent, caseId);
    const [link] = await surveyEmailsTo(stack, email);
    await finishedExecution(caseId);
    expect(await caseOf(stack.dependencies, caseId)).toMatchObject({ status: 'closed', survey: { status: 'expired' } });
    expect((await postSurveyForm(link as string)).status).toBe(410);
    expect((await surveyLinksTo(stack, email)).length).toBe(1);
  });

  it('reopens on recurred: back to the agent with a new resolution clock; the second resolution sends a new survey', async () => {
    await aftercare({
      revisitAfter: 'PT1S',
    });
    const { caseId, email, agent, agentId } = await caseInProgress();
    await resolve(agent, caseId);
    const [firstLink] = await surveyEmailsTo(stack, email);
    await caseWhen(caseId, (value) => value.revisit?.openedAt !== undefined);
    const loadBefore = (await stack.dependencies.agents.get('store-a', agentId))?.openCases as number;

    const recurred = await agent.post(`/v1/staff/cases/${caseId}/revisit`, {
      outcome: 'recurred',
      note: 'Leaks again.',
    });
    expect(recurred.status, recurred.text).toBe(200);
    const reopened = await parkedOn(stack, caseId, 'resolution');
    expect(reopened).toMatchObject({ status: 'in_progress', round: 2, assignee: { agentId } });
    expect(reopened.resolution).toBeUndefined();
    expect(reopened.rounds?.[0]).toMatchObject({
      round: 1,
      resolution: { type: 'refund' },
      survey: { status: 'void' },
      revisit: { outcome: 'recurred', note: 'Leaks again.' },
      reopen: { reason: 'revisit_recurred' },
    });
    expect((await stack.dependencies.agents.get('store-a', agentId))?.openCases).toBe(loadBefore + 1);
    const view = await agent.get(`/v1/staff/cases/${caseId}`);
    expect(Date.parse(view.json.sla.resolutionDueAt)).toBe(Date.parse(reopened.reopenedAt as string) + 86_400_000);
    expect((await postSurveyForm(firstLink as string)).status).toBe(410);

    await resolve(agent, caseId);
    const links = await surveyEmailsTo(stack, email, 2);
    expect(links[0]).not.toBe(firstLink);
    // Two answers at once: the conditional write lets exactly one through.
    const both = await Promise.all([postSurveyForm(links[0] as string), postSurveyForm(links[0] as string)]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 410]);
    expect((await postSurveyForm(firstLink as string)).status).toBe(410);
    const secondRound = await caseOf(stack.dependencies, caseId);
    expect(secondRound.survey).toMatchObject({ round: 2, status: 'answered' });
    expect(secondRound.notificationsSent).toEqual(expect.arrayContaining(['case_resolved', 'case_resolved_r2']));
    await caseWhen(caseId, (value) => value.revisit?.openedAt !== undefined);
    expect((await agent.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok' })).status).toBe(200);
    await finishedExecution(caseId);
  });

  it('reopens on a customer message within the reopen window', async () => {
    await aftercare({
      revisitAfter: 'P1D',
    });
    const { caseId, agent, agentId } = await caseInProgress();
    await resolve(agent, caseId);
    await caseWhen(caseId, (value) => value.survey !== undefined);
    const message = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'It stopped working again.' },
      { apiKey: stack.apiKeys.storeA },
    );
    expect(message.status, message.text).toBe(201);
    expect(message.json.reopened).toBe(true);
    const reopened = await parkedOn(stack, caseId, 'resolution');
    expect(reopened).toMatchObject({ status: 'in_progress', round: 2, assignee: { agentId } });
    expect(reopened.rounds?.[0]).toMatchObject({ reopen: { reason: 'customer_message' }, survey: { status: 'void' } });
    expect(await eventTypes(caseId)).toEqual(expect.arrayContaining(['customer_message', 'survey_voided', 'reopened']));
  });

  it('files a new linked case for a message on a closed case', async () => {
    await aftercare({
      surveyReminderAfter: 'PT0S',
      surveyExpiresAfter: 'PT1S',
      revisitAfter: 'PT0S',
    });
    const { caseId, agent } = await caseInProgress();
    await resolve(agent, caseId);
    await finishedExecution(caseId);
    const message = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'The new one leaks too.' },
      { apiKey: stack.apiKeys.storeA },
    );
    expect(message.status, message.text).toBe(201);
    const followUp = message.json.followUpCase;
    expect(followUp.caseId).not.toBe(caseId);
    const filed = await caseOf(stack.dependencies, followUp.caseId);
    expect(filed).toMatchObject({ linkedCaseId: caseId, description: 'The new one leaks too.' });
    expect(await eventTypes(caseId)).toContain('follow_up_filed');
    expect((await caseOf(stack.dependencies, caseId)).status).toBe('closed');
  });

  it('refuses a revisit outcome on a case without one (409) and another agent (403)', async () => {
    await aftercare({
      revisitAfter: 'P1D',
    });
    const { caseId, agent, agentId } = await caseInProgress();
    expect((await agent.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok' })).status).toBe(409);
    await resolve(agent, caseId);
    await caseWhen(caseId, (value) => value.revisit !== undefined);
    const other = await staffApi(stack, agentId === 'agent1' ? 'agent2' : 'agent1');
    expect((await other.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok' })).status).toBe(403);
    expect((await agent.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'maybe' })).status).toBe(400);
    expect((await supervisor.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok' })).status).toBe(200);
    expect((await agent.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok' })).status).toBe(409);
  });

  it('escalates a revisit task unanswered past its own due time to the supervisors, once', async () => {
    await aftercare({
      surveyReminderAfter: 'PT0S',
      surveyExpiresAfter: 'PT1M',
      revisitAfter: 'PT1S',
      revisitAnswerWithin: 'PT2S',
    });
    const { caseId, agent } = await caseInProgress();
    await resolve(agent, caseId);
    const escalated = await caseWhen(caseId, (value) => value.revisit?.escalatedAt !== undefined);
    // The step that escalated it has parked the workflow again: its one email is out, and no step repeats it.
    await parkedAfter(stack, caseId, escalated.revisit?.escalatedAt as string);
    const toSupervisors = (await stack.outbox.list()).filter(
      (sent) => sent.to.some((to) => to.startsWith('supervisor1@')) && sent.subject.includes(escalated.caseNumber),
    );
    expect(toSupervisors).toHaveLength(1);
    expect((await eventTypes(caseId)).filter((type) => type === 'revisit_escalated')).toHaveLength(1);
    expect((await agent.post(`/v1/staff/cases/${caseId}/revisit`, { outcome: 'ok' })).status).toBe(200);
    await finishedExecution(caseId);
  });
});
