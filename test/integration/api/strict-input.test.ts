import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { caseKey } from '../../../functions/adapters/dynamodb/case-items.js';
import { refundResolution, returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { postSurveyForm, surveyEmailsTo } from '../../support/surveys.js';
import { parkedOn } from '../../support/workflow-waits.js';
import { caseAssignedTo, newCustomer, signInAll, type Staff } from './staff-fixtures.js';

/** A customer name trying to add mail headers through the email's text part. */
const CRLF_NAME = 'Li\r\nBcc: evil@x.com\r\nSubject: pwned';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** Store A's cases of the customer, as the storefront lists them. */
const casesOf = async (customerId: string): Promise<unknown[]> =>
  (await api(stack).get(`/v1/cases?customerId=${customerId}`, { apiKey: stack.apiKeys.storeA })).json.items;

/** Sends an intake body as it is, with the given content type. */
const intake = (body: string | Uint8Array, contentType = 'application/json') =>
  api(stack).raw('POST', '/v1/cases', body, {
    apiKey: stack.apiKeys.storeA,
    headers: { 'content-type': contentType },
  });

/** Expects the intake refused with nothing filed and nothing emailed to the customer. */
const expectNothingFiled = async (customer: { id: string; email: string }): Promise<void> => {
  expect(await casesOf(customer.id)).toEqual([]);
  expect(await emailsTo(stack, customer.email)).toEqual([]);
};

describe('API: strict input at intake', () => {
  it.each([
    ['the CRLF header injection', CRLF_NAME],
    ['only zero-width characters', '\u200b\u200b\u200d'],
    ['a NUL', 'Li\u0000Lei'],
    ['a right-to-left override', 'Li\u202egnp.exe'],
    ['a lone surrogate', 'Li\ud800'],
  ])('refuses a customer name with %s: 400 naming customer.name, nothing filed', async (_label, name) => {
    const customer = { ...newCustomer(), name };
    const response = await intake(JSON.stringify(returnRequest({ customer })));
    expect(response.status, response.text).toBe(400);
    expect(response.json.error.code).toBe('validation_failed');
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['customer.name']);
    await expectNothingFiled(customer);
  });

  it('refuses a body declared in ISO-8859-1 with a 415 rather than reading it as UTF-8', async () => {
    const customer = { ...newCustomer(), name: 'M\u00fcller' };
    const latin1 = Buffer.from(JSON.stringify(returnRequest({ customer })), 'latin1');
    const response = await intake(latin1, 'application/json; charset=iso-8859-1');
    expect(response.status, response.text).toBe(415);
    expect(response.json.error).toMatchObject({
      code: 'unsupported_media_type',
      details: [{ path: 'content-type', message: expect.stringMatching(/UTF-8/) }],
    });
    await expectNothingFiled(customer);
  });

  it('refuses duplicate keys with a 400 naming the key, at the top and deeper', async () => {
    const customer = newCustomer();
    const json = JSON.stringify(returnRequest({ customer, type: 'return' }));
    const topLevel = json.replace('"type":"return"', '"type":"return","type":"usage_question"');
    const nested = json.replace(`"name":"${customer.name}"`, `"name":"${customer.name}","name":"Someone else"`);
    for (const [body, path] of [
      [topLevel, 'type'],
      [nested, 'customer.name'],
    ] as const) {
      const response = await intake(body);
      expect(response.status, response.text).toBe(400);
      expect(response.json.error.code).toBe('malformed_json');
      expect(response.json.error.details).toEqual([{ path, message: expect.stringMatching(/more than once/) }]);
    }
    await expectNothingFiled(customer);
  });
});

describe('Email: a stored name with line breaks', () => {
  it('greets the customer on one line and adds no header line', async () => {
    const customer = newCustomer();
    const caseId = await caseAssignedTo(stack, staff, 'agent1', { customer });
    await parkedOn(stack, caseId, 'firstResponse');
    // Data written before the input rules: the name as the attacker sent it.
    const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
    try {
      await client.send(
        new UpdateCommand({
          TableName: stack.tables.cases,
          Key: caseKey(caseId),
          UpdateExpression: 'SET customer.#name = :name',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': CRLF_NAME },
        }),
      );
    } finally {
      client.destroy();
    }

    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'We are on it.\nMore soon.' });
    expect(reply.status, reply.text).toBe(201);

    const email = await waitFor(async () =>
      (await emailsTo(stack, customer.email)).find((sent) => sent.text.includes('We are on it.')),
    );
    const lines = email.text.split('\n');
    expect(lines.filter((line) => /^\s*(Bcc|Subject):/.test(line))).toEqual([]);
    expect(email.text).toContain('Li Bcc: evil@x.com Subject: pwned');
    expect(email.text).toContain('> We are on it.\n> More soon.');
    expect(email.text).not.toContain('\r');
    expect(email.html).not.toMatch(/[\r\n]/);
  });
});

describe('Survey: ratings are exactly the digits 1 to 5', () => {
  it('refuses 0x5, +5, " 5", 05, 1e0 and 5.0 with a 400 naming the field, then takes a 5', async () => {
    const customer = newCustomer();
    const caseId = await caseAssignedTo(stack, staff, 'agent1', { customer });
    await parkedOn(stack, caseId, 'firstResponse');
    await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' });
    expect((await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);
    const [link] = (await surveyEmailsTo(stack, customer.email)) as [string];

    for (const rating of ['0x5', '+5', ' 5', '05', '1e0', '5.0']) {
      const json = await fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ overall: '4', speed: rating }),
      });
      const answer = (await json.json()) as { error: { details: Array<{ path: string }> } };
      expect(json.status, rating).toBe(400);
      expect(answer.error.details.map((detail) => detail.path)).toEqual(['speed']);
      const form = await postSurveyForm(link, { overall: rating });
      expect(form.status, rating).toBe(400);
    }
    const form = await postSurveyForm(link, { overall: '5', comment: 'Li\u0000' });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('without control characters');

    expect((await postSurveyForm(link, { overall: '5' })).status).toBe(200);
  });
});
