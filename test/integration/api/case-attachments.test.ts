import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { staffApi } from '../../support/staff-api.js';
import { caseOf } from '../../support/stored-cases.js';
import { customerView, fileCase } from '../../support/storefront.js';
import { uploadFile } from '../../support/uploads.js';
import { parkedOn } from '../../support/workflow-waits.js';

/** Evidence files end to end on the local stack: uploaded by the storefront, downloaded by staff of the store only. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const PHOTO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 4, 5, 6, 7]);

const uploadPhoto = (apiKey: string, body: Buffer = PHOTO): Promise<string> => uploadFile(stack, apiKey, body);

const attachmentPath = (caseId: string, attachmentId: string) =>
  `/v1/staff/cases/${caseId}/attachments/${attachmentId}`;

describe('Route: GET /v1/staff/cases/{caseId}/attachments/{attachmentId}', () => {
  it('returns a URL valid a few minutes that downloads the uploaded bytes, to staff of the store', async () => {
    // Prepare
    const attachmentId = await uploadPhoto(stack.apiKeys.storeA);
    const caseId = await fileCase(stack, { attachments: [attachmentId] });
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);
    const supervisor = await staffApi(stack, 'supervisor1');

    // Act
    const byAgent = await agent.get(attachmentPath(caseId, attachmentId));
    const bySupervisor = await supervisor.get(attachmentPath(caseId, attachmentId));
    const file = await fetch(byAgent.json.downloadUrl as string);

    // Assess
    expect(byAgent.status, byAgent.text).toBe(200);
    expect(byAgent.json).toEqual({
      attachmentId,
      fileName: 'photo.png',
      contentType: 'image/png',
      size: PHOTO.length,
      downloadUrl: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(byAgent.headers.get('cache-control')).toBe('no-store');
    const lifetime = Date.parse(byAgent.json.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);
    expect(bySupervisor.status).toBe(200);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PHOTO);
  });

  it('answers 404 to another store, 403 to an agent the case is not assigned to, 404 for a file not on the case', async () => {
    // Prepare
    const attachmentId = await uploadPhoto(stack.apiKeys.storeA);
    const unrelated = await uploadPhoto(stack.apiKeys.storeA);
    const caseId = await fileCase(stack, { attachments: [attachmentId] });
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const otherAgent = assigned.assignee?.agentId === 'agent1' ? 'agent2' : 'agent1';

    // Act
    const otherStore = await (await staffApi(stack, 'supervisor3')).get(attachmentPath(caseId, attachmentId));
    const otherStoreAdmin = await (await staffApi(stack, 'admin3')).get(attachmentPath(caseId, attachmentId));
    const notAssigned = await (await staffApi(stack, otherAgent)).get(attachmentPath(caseId, attachmentId));
    const supervisor = await staffApi(stack, 'supervisor1');
    const notOnCase = await supervisor.get(attachmentPath(caseId, unrelated));
    const malformed = await supervisor.get(attachmentPath(caseId, 'att_nope'));
    const tampered = new URL((await supervisor.get(attachmentPath(caseId, attachmentId))).json.downloadUrl);
    tampered.pathname = tampered.pathname.replace('/store-a/', '/store-b/');

    // Assess
    expect(otherStore.status).toBe(404);
    expect(otherStoreAdmin.status).toBe(404);
    expect(otherStore.text).not.toContain('downloadUrl');
    expect(notAssigned.status).toBe(403);
    expect(notOnCase.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect((await fetch(tampered)).status).toBe(403);
  });
});

describe('Route: POST /v1/cases/{caseId}/messages with attachments', () => {
  it('keeps the files on the message and the case: staff download them, the customer sees them listed', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const body = Buffer.from('%PDF-1.7 receipt\n');
    const ticket = await api(stack).post(
      '/v1/attachments',
      { fileName: 'receipt.pdf', contentType: 'application/pdf', size: body.length },
      { apiKey: stack.apiKeys.storeA },
    );
    await fetch(ticket.json.uploadUrl, { method: 'PUT', headers: ticket.json.uploadHeaders, body });
    const attachmentId = ticket.json.attachmentId as string;

    // Act
    const posted = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'Here is the receipt.', attachments: [attachmentId] },
      { apiKey: stack.apiKeys.storeA },
    );
    const download = await (await staffApi(stack, 'supervisor1')).get(attachmentPath(caseId, attachmentId));

    // Assess
    expect(posted.status, posted.text).toBe(201);
    expect((await caseOf(stack.dependencies, caseId)).attachments).toEqual([attachmentId]);
    expect(download.status).toBe(200);
    const file = await fetch(download.json.downloadUrl as string);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(body);
    const view = await customerView(stack, caseId);
    expect(view.messages).toContainEqual(
      expect.objectContaining({ from: 'customer', body: 'Here is the receipt.', attachments: [attachmentId] }),
    );
  });

  it('answers 400 naming each unknown or other-store attachment, and writes nothing', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    const before = await caseOf(stack.dependencies, caseId);
    const mine = await uploadPhoto(stack.apiKeys.storeA);
    const theirs = await uploadPhoto(stack.apiKeys.storeB);
    const neverUploaded = (
      await api(stack).post(
        '/v1/attachments',
        { fileName: 'x.png', contentType: 'image/png', size: 10 },
        { apiKey: stack.apiKeys.storeA },
      )
    ).json.attachmentId as string;

    // Act
    const refused = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'Photos attached.', attachments: [mine, theirs, neverUploaded] },
      { apiKey: stack.apiKeys.storeA },
    );
    const malformed = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'Photos attached.', attachments: ['../../etc/passwd'] },
      { apiKey: stack.apiKeys.storeA },
    );

    // Assess
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: 'attachments.1', message: expect.any(String) },
      { path: 'attachments.2', message: expect.any(String) },
    ]);
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details[0].path).toBe('attachments.0');
    const after = await caseOf(stack.dependencies, caseId);
    expect(after.attachments).toEqual([]);
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});
