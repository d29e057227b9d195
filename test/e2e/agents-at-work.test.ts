import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, waitFor } from '../support/local-stack.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { customerView, fileCase } from '../support/storefront.js';
import { startNpmStack, type NpmStartedStack } from './support/local-process.js';

/**
 * Issue 3's acceptance, as a storefront, two agents, a supervisor and a customer's mailbox see it: the local stack
 * started with `npm start`, driven over HTTP only.
 */
describe('npm start: agents at work', () => {
  let stack: NpmStartedStack;
  let agent1: StaffApi;
  let agent2: StaffApi;
  let supervisor: StaffApi;

  beforeAll(async () => {
    stack = await startNpmStack('after-sales-agents-');
    agent1 = await staffApi(stack, 'agent1');
    agent2 = await staffApi(stack, 'agent2');
    supervisor = await staffApi(stack, 'supervisor1');
  });

  afterAll(async () => stack?.stop());

  const outboxTo = async (address: string) =>
    ((await api(stack).get('/_local/outbox')).json as Array<{ to: string[]; subject: string; text: string }>).filter(
      (email) => email.to.includes(address),
    );

  it('spreads six new cases over agent1 and agent2, and each agent works only their own', async () => {
    const caseIds: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      caseIds.push(
        await fileCase(stack, {
          customer: { id: `c-e2e-${index}`, email: `e2e-${index}@example.com`, name: 'Li', locale: 'en' },
        }),
      );
    }
    const views = await waitFor(async () => {
      const all = await Promise.all(caseIds.map((caseId) => customerView(stack, caseId)));
      return all.every((view) => view.status === 'assigned') ? all : undefined;
    });
    const queue1 = (await agent1.get('/v1/staff/cases?assignee=me')).json.items.map(
      (item: { caseId: string }) => item.caseId,
    );
    const queue2 = (await agent2.get('/v1/staff/cases?assignee=me')).json.items.map(
      (item: { caseId: string }) => item.caseId,
    );
    const mine1 = caseIds.filter((caseId) => queue1.includes(caseId));
    const mine2 = caseIds.filter((caseId) => queue2.includes(caseId));

    expect(mine1.length + mine2.length).toBe(6);
    expect(Math.abs(mine1.length - mine2.length)).toBeLessThanOrEqual(1);
    expect(mine1.filter((caseId) => mine2.includes(caseId))).toEqual([]);
    for (const view of views) expect(view.assignee?.name).toEqual(expect.any(String));

    const theirs = mine1[0] as string;
    expect((await agent2.get(`/v1/staff/cases/${theirs}`)).status).toBe(403);
    expect((await agent2.post(`/v1/staff/cases/${theirs}/replies`, { body: 'Not mine' })).status).toBe(403);

    const reply = await agent1.post(`/v1/staff/cases/${theirs}/replies`, {
      body: 'Please send us a photo of the base.',
    });
    const note = await agent1.post(`/v1/staff/cases/${theirs}/notes`, { body: 'INTERNAL: probably a seal defect.' });
    expect(reply.status).toBe(201);
    expect(note.status).toBe(201);
    const index = caseIds.indexOf(theirs);
    const customerEmail = `e2e-${index}@example.com`;
    await waitFor(async () =>
      (await outboxTo(customerEmail)).some((email) => email.text.includes('photo of the base')),
    );
    const afterReply = await customerView(stack, theirs);
    expect(afterReply.status).toBe('in_progress');
    expect(JSON.stringify(afterReply)).toContain('photo of the base');
    expect(JSON.stringify(afterReply)).not.toContain('seal defect');
    expect((await outboxTo(customerEmail)).some((email) => email.text.includes('seal defect'))).toBe(false);

    const resolved = await agent1.post(`/v1/staff/cases/${theirs}/resolve`, {
      resolution: { type: 'replacement', reference: 'SO-REPL-1' },
      rootCause: 'production_quality',
      summary: 'A new kettle was sent.',
    });
    expect(resolved.status).toBe(200);
    const finalView = await customerView(stack, theirs);
    expect(finalView).toMatchObject({ status: 'resolved', resolution: { type: 'replacement' } });
    await waitFor(async () =>
      (await outboxTo(customerEmail)).some((email) => email.text.includes('A new kettle was sent')),
    );

    const staffView = (await agent1.get(`/v1/staff/cases/${theirs}`)).json;
    const steps = staffView.timeline.map((event: { type: string }) => event.type);
    expect(steps).toEqual(
      expect.arrayContaining([
        'case_submitted',
        'decision_made',
        'status_changed',
        'classified',
        'assigned',
        'reply_sent',
        'note_added',
        'resolved',
        'customer_notified',
      ]),
    );
  });

  it('holds a case over the auto-approve limit in pending_review until supervisor1 approves it, then assigns it', async () => {
    const caseId = await fileCase(stack, {
      items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    });
    await waitFor(async () => (await customerView(stack, caseId)).status === 'pending_review');
    expect((await agent1.post(`/v1/staff/cases/${caseId}/review`, { decision: 'approve', reason: 'x' })).status).toBe(
      403,
    );

    const approved = await supervisor.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'Receipt checked',
    });

    expect(approved.status).toBe(200);
    const assigned = await waitFor(async () => {
      const view = await customerView(stack, caseId);
      return view.status === 'assigned' ? view : undefined;
    });
    expect(assigned.assignee?.name).toBeTruthy();
  });
});
