import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { staffApi } from '../../support/staff-api.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import { returnRequest } from '../../support/case-requests.js';
import { fileCase } from '../../support/storefront.js';
import { uploadFile } from '../../support/uploads.js';
import { parkedOn } from '../../support/workflow-waits.js';

/** Evidence under concurrency and abuse, on the local stack: no accepted file is ever dropped or shared. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const postMessage = (caseId: string, body: unknown, headers: Record<string, string> = {}) =>
  api(stack).post(`/v1/cases/${caseId}/messages`, body, { apiKey: stack.apiKeys.storeA, headers });

describe('Route: POST /v1/cases/{caseId}/messages, concurrent', () => {
  it('keeps every attachment of 10 parallel messages with 2 files each, and staff download each', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const sent = await Promise.all(
      Array.from({ length: 10 }, async () => [
        await uploadFile(stack, stack.apiKeys.storeA),
        await uploadFile(stack, stack.apiKeys.storeA),
      ]),
    );

    // Act
    const answers = await Promise.all(
      sent.map((attachments, index) => postMessage(caseId, { body: `Photo set ${index}`, attachments })),
    );

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const kept = (await caseOf(stack.dependencies, caseId)).attachments;
    expect([...kept].sort()).toEqual(sent.flat().sort());
    const supervisor = await staffApi(stack, 'supervisor1');
    const downloads = await Promise.all(
      sent.flat().map((attachmentId) => supervisor.get(`/v1/staff/cases/${caseId}/attachments/${attachmentId}`)),
    );
    expect(downloads.map((download) => download.status)).toEqual(Array(20).fill(200));
  });
});

/** A return by a customer of its own, so a test can tell whether any case was filed for it. */
const intakeBy = (customerId: string, attachments: string[]) =>
  returnRequest({ customer: { id: customerId, email: 'e@example.com', name: 'E', locale: 'en' }, attachments });

const casesOf = async (customerId: string): Promise<unknown[]> =>
  (await api(stack).get(`/v1/cases?customerId=${customerId}`, { apiKey: stack.apiKeys.storeA })).json.items;

let customers = 0;
const newCustomer = (): string => `c-evidence-${Date.now()}-${(customers += 1)}`;

describe('Route: POST /v1/cases with attachments', () => {
  it.each([
    ["another store's upload", async () => [await uploadFile(stack, stack.apiKeys.storeB)], ['attachments.0']],
    ['a well-formed id never uploaded', async () => ['att_01KAAAAAAAAAAAAAAAAAAAAAAA'], ['attachments.0']],
    [
      'ten copies of one upload',
      async () => Array(10).fill(await uploadFile(stack, stack.apiKeys.storeA)),
      Array.from({ length: 9 }, (_, index) => `attachments.${index + 1}`),
    ],
  ])('answers 400 naming attachments for %s, and files nothing', async (_name, attachments, paths) => {
    // Prepare
    const customerId = newCustomer();

    // Act
    const refused = await api(stack).post('/v1/cases', intakeBy(customerId, await attachments()), {
      apiKey: stack.apiKeys.storeA,
    });

    // Assess
    expect(refused.status, refused.text).toBe(400);
    expect(refused.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(paths);
    expect(await casesOf(customerId)).toEqual([]);
  });

  it('answers 400 for a file already attached to another case, at intake or by a message', async () => {
    // Prepare
    const filedWith = await uploadFile(stack, stack.apiKeys.storeA);
    const sentWith = await uploadFile(stack, stack.apiKeys.storeA);
    const fresh = await uploadFile(stack, stack.apiKeys.storeA);
    await fileCase(stack, { attachments: [filedWith] });
    const other = await fileCase(stack);
    await parkedOn(stack, other, 'firstResponse');
    expect((await postMessage(other, { body: 'Photo', attachments: [sentWith] })).status).toBe(201);
    const customerId = newCustomer();
    const target = await fileCase(stack);
    await parkedOn(stack, target, 'firstResponse');
    const before = await caseOf(stack.dependencies, target);

    // Act
    const intake = await api(stack).post('/v1/cases', intakeBy(customerId, [fresh, filedWith, sentWith]), {
      apiKey: stack.apiKeys.storeA,
    });
    const message = await postMessage(target, { body: 'Same photo', attachments: [filedWith] });

    // Assess
    expect(intake.status, intake.text).toBe(400);
    expect(intake.json.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'attachments.1',
      'attachments.2',
    ]);
    expect(await casesOf(customerId)).toEqual([]);
    expect(message.status, message.text).toBe(400);
    expect(message.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['attachments.0']);
    const after = await caseOf(stack.dependencies, target);
    expect(after.attachments).toEqual([]);
    expect(after.updatedAt).toBe(before.updatedAt);
    // The refused one did not claim the fresh file: it can still be filed.
    expect(
      (await api(stack).post('/v1/cases', intakeBy(customerId, [fresh]), { apiKey: stack.apiKeys.storeA })).status,
    ).toBe(201);
  });

  it('lets exactly one of two concurrent intakes claim the same file', async () => {
    // Prepare
    const shared = await uploadFile(stack, stack.apiKeys.storeA);
    const customerIds = [newCustomer(), newCustomer()];

    // Act
    const answers = await Promise.all(
      customerIds.map((customerId) =>
        api(stack).post('/v1/cases', intakeBy(customerId, [shared]), { apiKey: stack.apiKeys.storeA }),
      ),
    );

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400]);
    const filed = await Promise.all(customerIds.map(casesOf));
    expect(filed.map((items) => items.length).sort()).toEqual([0, 1]);
  });
});

const uploads = (count: number): Promise<string[]> =>
  Promise.all(Array.from({ length: count }, () => uploadFile(stack, stack.apiKeys.storeA)));

describe('Per-case limits: 100 customer messages, 20 attachments', () => {
  it('takes the 100th message and answers the 101st 409 case_limit_reached, writing nothing', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    for (let index = 1; index < 100; index += 1) {
      const posted = await postMessage(caseId, { body: `Message ${index}` });
      expect(posted.status, posted.text).toBe(201);
    }

    // Act
    const hundredth = await postMessage(caseId, { body: 'Message 100' });
    const before = await caseOf(stack.dependencies, caseId);
    const beforeTimeline = await timelineOf(stack.dependencies, caseId);
    const refused = await postMessage(caseId, { body: 'Message 101' });

    // Assess
    expect(hundredth.status, hundredth.text).toBe(201);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json.error.code).toBe('case_limit_reached');
    expect(refused.json.error.details).toEqual([{ path: 'customerMessages', message: expect.any(String) }]);
    expect(await caseOf(stack.dependencies, caseId)).toEqual(before);
    expect(await timelineOf(stack.dependencies, caseId)).toEqual(beforeTimeline);
  });

  it('takes the 20th attachment (intake and messages together) and answers the 21st 409, writing nothing', async () => {
    // Prepare
    const caseId = await fileCase(stack, { attachments: await uploads(10) });
    await parkedOn(stack, caseId, 'firstResponse');
    expect((await postMessage(caseId, { body: 'Nine more', attachments: await uploads(9) })).status).toBe(201);
    const [twentieth, twentyFirst] = await uploads(2);

    // Act
    const accepted = await postMessage(caseId, { body: 'The 20th', attachments: [twentieth] });
    const before = await caseOf(stack.dependencies, caseId);
    const refused = await postMessage(caseId, { body: 'The 21st', attachments: [twentyFirst] });

    // Assess
    expect(accepted.status, accepted.text).toBe(201);
    expect(before.attachments).toHaveLength(20);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json.error.code).toBe('case_limit_reached');
    expect(refused.json.error.details).toEqual([{ path: 'attachments', message: expect.any(String) }]);
    expect(await caseOf(stack.dependencies, caseId)).toEqual(before);
    // Refused, the file was not claimed: another case can still take it.
    expect(
      (
        await api(stack).post('/v1/cases', intakeBy(newCustomer(), [twentyFirst as string]), {
          apiKey: stack.apiKeys.storeA,
        })
      ).status,
    ).toBe(201);
  });

  it('of 20 parallel messages with 2 files each, takes 10 and keeps all their 20 files; the others are 409', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const sent = await Promise.all(Array.from({ length: 20 }, () => uploads(2)));

    // Act
    const answers = await Promise.all(
      sent.map((attachments, index) => postMessage(caseId, { body: `Photo set ${index}`, attachments })),
    );

    // Assess
    const accepted = sent.filter((_, index) => answers[index]?.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(accepted).toHaveLength(10);
    expect(refused.map((answer) => answer.json?.error?.code)).toEqual(Array(10).fill('case_limit_reached'));
    const kept = (await caseOf(stack.dependencies, caseId)).attachments;
    expect([...kept].sort()).toEqual(accepted.flat().sort());
    const supervisor = await staffApi(stack, 'supervisor1');
    const downloads = await Promise.all(
      kept.map((attachmentId) => supervisor.get(`/v1/staff/cases/${caseId}/attachments/${attachmentId}`)),
    );
    expect(downloads.map((download) => download.status)).toEqual(Array(20).fill(200));
  });
});
