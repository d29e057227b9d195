import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { emailsAbout } from '../../support/outbox.js';
import { caseOf } from '../../support/stored-cases.js';
import { customerView } from '../../support/storefront.js';
import { caseAssignedTo, raiseCapacity, signInAll, staffView, type Staff } from './staff-fixtures.js';

/** Staff reply with files, uploaded like a customer's: claimed for the case, named in the view and the email. */
let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1']);
});
afterAll(async () => stack?.stop());

const PDF = Buffer.from('%PDF-1.7 manual\n');

const upload = async (fileName: string, apiKey = stack.apiKeys.storeA): Promise<string> => {
  const ticket = await api(stack).post(
    '/v1/attachments',
    { fileName, contentType: 'application/pdf', size: PDF.length },
    { apiKey },
  );
  expect(ticket.status, ticket.text).toBe(201);
  const put = await fetch(ticket.json.uploadUrl as string, {
    method: 'PUT',
    headers: ticket.json.uploadHeaders as Record<string, string>,
    body: PDF,
  });
  expect(put.status).toBeLessThan(300);
  return ticket.json.attachmentId as string;
};

describe('Route: POST /v1/staff/cases/{caseId}/replies with attachments', () => {
  it('keeps the files on the reply and the case, named, and the customer email lists them', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const attachmentId = await upload('说明书 manual.pdf');

    // Act
    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, {
      body: 'The manual is attached.',
      attachments: [attachmentId],
    });

    // Assess
    expect(reply.status, reply.text).toBe(201);
    const view = await staffView(staff, caseId);
    const file = { attachmentId, fileName: '说明书 manual.pdf', contentType: 'application/pdf', size: PDF.length };
    expect(view.attachments).toEqual([file]);
    expect(view.messages).toEqual([
      expect.objectContaining({ from: 'staff', body: 'The manual is attached.', attachments: [file] }),
    ]);
    expect((await customerView(stack, caseId)).messages).toEqual([
      expect.objectContaining({ from: 'agent', body: 'The manual is attached.', attachments: [attachmentId] }),
    ]);
    const { caseNumber, customer } = await caseOf(stack.dependencies, caseId);
    const email = await waitFor(async () =>
      (await emailsAbout(stack, caseNumber)).find(
        (sent) => sent.to.includes(customer.email) && sent.text.includes('The manual is attached.'),
      ),
    );
    expect(email.text).toContain('说明书 manual.pdf');
    const download = await staff.agent1.get(`/v1/staff/cases/${caseId}/attachments/${attachmentId}`);
    expect(download.status).toBe(200);
  });

  it('answers 400 naming each unknown, repeated or other-store file, and writes nothing', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const mine = await upload('a.pdf');
    const otherStore = await upload('b.pdf', stack.apiKeys.storeB);
    const before = await staffView(staff, caseId);

    // Act
    const refused = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, {
      body: 'Files attached.',
      attachments: [mine, mine, otherStore],
    });

    // Assess
    expect(refused.status, refused.text).toBe(400);
    expect(refused.json.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'attachments.1',
      'attachments.2',
    ]);
    const after = await staffView(staff, caseId);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.attachments).toEqual([]);
  });

  it('refuses a file already on another case, and an agent the case is not assigned to', async () => {
    // Prepare
    const first = await caseAssignedTo(stack, staff, 'agent1');
    const second = await caseAssignedTo(stack, staff, 'agent1');
    const shared = await upload('c.pdf');
    expect(
      (await staff.agent1.post(`/v1/staff/cases/${first}/replies`, { body: 'One.', attachments: [shared] })).status,
    ).toBe(201);

    // Act
    const again = await staff.agent1.post(`/v1/staff/cases/${second}/replies`, { body: 'Two.', attachments: [shared] });
    const notTheirs = await staff.agent2.post(`/v1/staff/cases/${second}/replies`, {
      body: 'Three.',
      attachments: [await upload('d.pdf')],
    });

    // Assess
    expect(again.status, again.text).toBe(400);
    expect(again.json.error.details).toEqual([{ path: 'attachments.0', message: expect.any(String) }]);
    expect(notTheirs.status).toBe(403);
  });
});
