import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { staffApi } from '../../support/staff-api.js';
import { caseOf } from '../../support/stored-cases.js';
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
