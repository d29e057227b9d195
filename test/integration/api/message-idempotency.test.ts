import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundResolution, returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../../support/sla-policies.js';
import { staffApi } from '../../support/staff-api.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import { fileCase } from '../../support/storefront.js';
import { parkedOn } from '../../support/workflow-waits.js';

/** `POST /v1/cases/{caseId}/messages` with an `Idempotency-Key`, as intake takes one: a retry writes nothing more. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const postMessage = (caseId: string, body: unknown, idempotencyKey?: string) =>
  api(stack).post(`/v1/cases/${caseId}/messages`, body, {
    apiKey: stack.apiKeys.storeA,
    headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
  });

let customers = 0;
const customer = () => {
  customers += 1;
  return {
    id: `c-idem-${Date.now()}-${customers}`,
    email: `idem-${customers}@example.com`,
    name: 'Lin',
    locale: 'en' as const,
  };
};

const messagesOn = async (caseId: string) =>
  (await timelineOf(stack.dependencies, caseId)).filter((event) => event.type === 'customer_message');

describe('Route: POST /v1/cases/{caseId}/messages with an Idempotency-Key', () => {
  it('answers a retry with the same key and body with the first answer, and writes the message once', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const key = `msg-${Date.now()}-1`;

    // Act
    const first = await postMessage(caseId, { body: 'Any news?' }, key);
    const retry = await postMessage(caseId, { body: 'Any news?' }, key);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => postMessage(caseId, { body: 'Sent three times at once' }, `${key}-parallel`)),
    );

    // Assess
    expect(first.status, first.text).toBe(201);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(concurrent.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(concurrent.map((answer) => answer.json.eventId)).size).toBe(1);
    expect((await messagesOn(caseId)).map((event) => event.details?.body)).toEqual([
      'Any news?',
      'Sent three times at once',
    ]);
    expect((await caseOf(stack.dependencies, caseId)).customerMessages).toBe(2);
  });

  it('answers the same key with another body 409 idempotency_conflict, writing nothing', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const key = `msg-${Date.now()}-2`;
    expect((await postMessage(caseId, { body: 'First text' }, key)).status).toBe(201);
    const before = await caseOf(stack.dependencies, caseId);
    const otherCase = await fileCase(stack);
    await parkedOn(stack, otherCase, 'firstResponse');

    // Act
    const otherBody = await postMessage(caseId, { body: 'Second text' }, key);
    const onOtherCase = await postMessage(otherCase, { body: 'First text' }, key);
    const atIntake = await api(stack).post('/v1/cases', returnRequest(), {
      apiKey: stack.apiKeys.storeA,
      headers: { 'idempotency-key': key },
    });
    const invalid = await postMessage(caseId, { body: 'First text' }, 'has space');

    // Assess
    expect(otherBody.status, otherBody.text).toBe(409);
    expect(otherBody.json.error.code).toBe('idempotency_conflict');
    expect(onOtherCase.status, onOtherCase.text).toBe(409);
    expect(onOtherCase.json.error.code).toBe('idempotency_conflict');
    expect(atIntake.status, atIntake.text).toBe(409);
    expect(atIntake.json.error.code).toBe('idempotency_conflict');
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details[0].path).toBe('Idempotency-Key');
    expect(await caseOf(stack.dependencies, caseId)).toEqual(before);
    expect(await messagesOn(otherCase)).toEqual([]);
  });

  it('files one follow-up case for a message on a closed case, however often it is retried', async () => {
    // Prepare
    const admin = await staffApi(stack, 'admin1');
    await putSlaPolicy(
      admin,
      slaPolicy({
        firstResponse: 'PT1H',
        resolution: 'P1D',
        repeatEvery: 'PT1H',
        aftercare: { surveyReminderAfter: 'PT0S', surveyExpiresAfter: 'PT1S', revisitAfter: 'PT0S' },
      }),
    );
    const owner = customer();
    const caseId = await fileCase(stack, { customer: owner });
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);
    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' })).status).toBe(201);
    await parkedOn(stack, caseId, 'resolution');
    expect((await agent.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);
    await waitFor(async () => (await caseOf(stack.dependencies, caseId)).status === 'closed');
    const key = `msg-${Date.now()}-3`;

    // Act
    const first = await postMessage(caseId, { body: 'The new one leaks too.' }, key);
    const retries = await Promise.all([1, 2].map(() => postMessage(caseId, { body: 'The new one leaks too.' }, key)));

    // Assess
    expect(first.status, first.text).toBe(201);
    expect(retries.map((answer) => answer.status)).toEqual([200, 200]);
    for (const retry of retries) expect(retry.json).toEqual(first.json);
    const listed = await api(stack).get(`/v1/cases?customerId=${owner.id}`, { apiKey: stack.apiKeys.storeA });
    expect(listed.json.items.map((item: { caseId: string }) => item.caseId).sort()).toEqual(
      [caseId, first.json.followUpCase.caseId].sort(),
    );
    const followUps = (await timelineOf(stack.dependencies, caseId)).filter(
      (event) => event.type === 'follow_up_filed',
    );
    expect(followUps).toHaveLength(1);
  });

  it('publishes the header in the OpenAPI document', async () => {
    const document = (await api(stack).get('/v1/openapi.json')).json;

    const parameters = document.paths['/v1/cases/{caseId}/messages'].post.parameters;

    expect(parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
  });
});
