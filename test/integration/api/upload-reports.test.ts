import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_REPORTS } from '../../../functions/wiring/bucket-events.js';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { returnRequest } from '../../support/case-requests.js';
import { fileCase } from '../../support/storefront.js';
import { uploadFile } from '../../support/uploads.js';
import { parkedOn } from '../../support/workflow-waits.js';

/**
 * The uploads S3 reports: the local attachment storage sends the bucket's notification to the declared handler
 * (`recordUpload`), which records the file; intake and messages read that record, and answer 409 `upload_pending`
 * while a recent upload is not reported yet.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const PDF = Buffer.from('%PDF-1.7 receipt\n');

/** `POST /v1/attachments` alone: an id and its upload URL, the file not sent yet. */
const presign = async (apiKey: string, body: Buffer = PDF) => {
  const ticket = await api(stack).post(
    '/v1/attachments',
    { fileName: 'Quittung März.pdf', contentType: 'application/pdf', size: body.length },
    { apiKey },
  );
  expect(ticket.status, ticket.text).toBe(201);
  return {
    attachmentId: ticket.json.attachmentId as string,
    upload: () =>
      fetch(ticket.json.uploadUrl as string, {
        method: 'PUT',
        headers: ticket.json.uploadHeaders as Record<string, string>,
        body,
      }),
  };
};

describe('Bucket event: recordUpload', () => {
  it("records an upload's store, type, size and name once its PUT is stored, and nothing before", async () => {
    // Prepare
    const { attachmentId, upload } = await presign(stack.apiKeys.storeA);
    const before = await stack.dependencies.uploads.find('store-a', attachmentId);

    // Act
    expect((await upload()).status).toBe(200);

    // Assess
    expect(before).toEqual({ state: 'unreported' });
    expect(await stack.dependencies.uploads.find('store-a', attachmentId)).toEqual({
      state: 'uploaded',
      file: { contentType: 'application/pdf', size: PDF.length, fileName: 'Quittung März.pdf' },
    });
    expect(await stack.dependencies.uploads.find('store-b', attachmentId)).toEqual({ state: 'elsewhere' });
  });

  it("records nothing for a key that names no attachment, nor for S3's test event", async () => {
    // Prepare
    const { handler } = (await import(`../../../functions/handlers/bucket-events/${UPLOAD_REPORTS.handler}.ts`)) as {
      handler: (event: unknown) => Promise<void>;
    };
    const attachmentId = 'att_01KAAAAAAAAAAAAAAAAAAAAAAA';

    // Act
    await handler({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'attachments' });
    await handler({
      Records: [
        { eventName: 'ObjectCreated:Put', s3: { object: { key: `exports/store-a/${attachmentId}`, size: 1 } } },
      ],
    });

    // Assess
    expect(await stack.dependencies.uploads.find('store-a', attachmentId)).toEqual({ state: 'unreported' });
  });
});

describe('Routes: attaching a file S3 has not reported yet', () => {
  it('answers 409 upload_pending with Retry-After at intake, writes nothing, then files the case once uploaded', async () => {
    // Prepare: the id exists, its upload has not happened (as when its notification is still on its way)
    const { attachmentId, upload } = await presign(stack.apiKeys.storeA);
    const customerId = `c-pending-${Date.now()}`;
    const request = returnRequest({
      customer: { id: customerId, email: 'p@example.com', name: 'P', locale: 'en' },
      attachments: [attachmentId],
    });

    // Act
    const pending = await api(stack).post('/v1/cases', request, { apiKey: stack.apiKeys.storeA });
    const listed = await api(stack).get(`/v1/cases?customerId=${customerId}`, { apiKey: stack.apiKeys.storeA });
    expect((await upload()).status).toBe(200);
    const filed = await api(stack).post('/v1/cases', request, { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(pending.status, pending.text).toBe(409);
    expect(pending.json.error).toMatchObject({
      code: 'upload_pending',
      details: [{ path: 'attachments.0', message: expect.any(String) }],
    });
    expect(pending.headers.get('retry-after')).toBe('2');
    expect(listed.json.items).toEqual([]);
    expect(filed.status, filed.text).toBe(201);
  });

  it("answers 409 upload_pending to a customer's message, and takes it once uploaded", async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const { attachmentId, upload } = await presign(stack.apiKeys.storeA);
    const message = { body: 'The receipt.', attachments: [attachmentId] };

    // Act
    const pending = await api(stack).post(`/v1/cases/${caseId}/messages`, message, { apiKey: stack.apiKeys.storeA });
    expect((await upload()).status).toBe(200);
    const posted = await api(stack).post(`/v1/cases/${caseId}/messages`, message, { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(pending.status, pending.text).toBe(409);
    expect(pending.json.error.code).toBe('upload_pending');
    expect(posted.status, posted.text).toBe(201);
  });

  it('still answers 400 at once for a file uploaded under another store', async () => {
    // Prepare
    const theirs = await uploadFile(stack, stack.apiKeys.storeB);

    // Act
    const refused = await api(stack).post('/v1/cases', returnRequest({ attachments: [theirs] }), {
      apiKey: stack.apiKeys.storeA,
    });

    // Assess
    expect(refused.status, refused.text).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: 'attachments.0', message: 'No uploaded attachment with this id in this store' },
    ]);
  });
});
