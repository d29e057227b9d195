import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../local/free-port.js';
import { returnRequest } from '../support/case-requests.js';
import { api, waitFor } from '../support/local-stack.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { isRunning, startLocalProcess, within, type LocalProcess } from './support/local-process.js';

/**
 * Issue 3's acceptance, as a storefront, two agents, a supervisor and a customer's mailbox see it: the local stack
 * started with `npm start`, driven over HTTP only.
 */
describe('npm start: agents at work', () => {
  let dataDir: string;
  let child: LocalProcess;
  let javaPid: number | undefined;
  let url: string;
  let storefront: ReturnType<typeof api>;
  let agent1: StaffApi;
  let agent2: StaffApi;
  let supervisor: StaffApi;
  const apiKey = 'local-store-a-key';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'after-sales-agents-'));
    child = startLocalProcess({ command: 'npm start', port: await findFreePort(), dataDir });
    const ready = await child.ready();
    javaPid = ready.dynamoDbPid;
    url = ready.url;
    storefront = api({ url });
    agent1 = await staffApi({ url }, 'agent1');
    agent2 = await staffApi({ url }, 'agent2');
    supervisor = await staffApi({ url }, 'supervisor1');
  });

  afterAll(async () => {
    child?.interrupt();
    await within(20_000, child.exit, 'Exit after Ctrl-C').catch(() => child.kill());
    if (javaPid !== undefined && isRunning(javaPid)) process.kill(javaPid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const fileCase = async (overrides: Parameters<typeof returnRequest>[0] = {}) => {
    const created = await storefront.post('/v1/cases', returnRequest(overrides), { apiKey });
    expect(created.status).toBe(201);
    return created.json.caseId as string;
  };

  const customerView = async (caseId: string) => (await storefront.get(`/v1/cases/${caseId}`, { apiKey })).json;

  const outboxTo = async (address: string) =>
    ((await storefront.get('/_local/outbox')).json as Array<{ to: string[]; subject: string; text: string }>).filter(
      (email) => email.to.includes(address),
    );

  it('spreads six new cases over agent1 and agent2, and each agent works only their own', async () => {
    const caseIds: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      caseIds.push(
        await fileCase({
          customer: { id: `c-e2e-${index}`, email: `e2e-${index}@example.com`, name: 'Li', locale: 'en' },
        }),
      );
    }
    const views = await waitFor(
      async () => {
        const all = await Promise.all(caseIds.map(customerView));
        return all.every((view) => view.status === 'assigned') ? all : undefined;
      },
      { timeoutMs: 30_000 },
    );
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
    const afterReply = await customerView(theirs);
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
    const finalView = await customerView(theirs);
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
    const caseId = await fileCase({
      items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    });
    await waitFor(async () => (await customerView(caseId)).status === 'pending_review', { timeoutMs: 15_000 });
    expect((await agent1.post(`/v1/staff/cases/${caseId}/review`, { decision: 'approve', reason: 'x' })).status).toBe(
      403,
    );

    const approved = await supervisor.post(`/v1/staff/cases/${caseId}/review`, {
      decision: 'approve',
      reason: 'Receipt checked',
    });

    expect(approved.status).toBe(200);
    const assigned = await waitFor(
      async () => {
        const view = await customerView(caseId);
        return view.status === 'assigned' ? view : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(assigned.assignee?.name).toBeTruthy();
  });
});
