import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, type ApiResponse, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { customerView } from '../../support/storefront.js';
import {
  caseAssignedTo,
  newCustomer,
  openCasesOf,
  raiseCapacity,
  signInAll,
  staffView,
  type Staff,
} from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => stack?.stop());

const pathsOf = (response: ApiResponse): string[] =>
  (response.json?.error?.details ?? []).map((detail: { path: string }) => detail.path);

const resolveBody = (resolution: Record<string, unknown>) => ({
  resolution,
  rootCause: 'production_quality',
  summary: 'Settled with the customer.',
});

const resolveAs = (who: keyof Staff, caseId: string, resolution: Record<string, unknown>) =>
  staff[who].post(`/v1/staff/cases/${caseId}/resolve`, resolveBody(resolution));

const approvalAs = (who: keyof Staff, caseId: string, body: unknown) =>
  staff[who].post(`/v1/staff/cases/${caseId}/resolution-approval`, body);

/** A 199 CNY kettle (the default request) assigned to agent1, of a fresh English-speaking customer. */
const kettleCase = () => caseAssignedTo(stack, staff, 'agent1', { customer: newCustomer('en') });

interface Event {
  actor: { kind: string };
}

/** Events a staff request wrote (the workflow may still be adding its own, e.g. the assignment notice). */
const staffEvents = (view: { timeline: Event[] }) => view.timeline.filter((event) => event.actor.kind === 'staff');

/** What a refused resolve must leave: the case as it was, with no event by staff added. */
const expectUnchanged = async (caseId: string, before: { status: string; timeline: Event[] }) => {
  const after = await staffView(staff, caseId);
  expect(after.status).toBe(before.status);
  expect(after.resolution).toBeNull();
  expect(after.pendingApproval).toBeNull();
  expect(staffEvents(after)).toEqual(staffEvents(before));
};

describe('API: currencies are ISO 4217', () => {
  it('refuses ZZZ at intake with 400 naming currency', async () => {
    // Act
    const response = await api(stack).post('/v1/cases', returnRequest({ currency: 'ZZZ' }), {
      apiKey: stack.apiKeys.storeA,
    });

    // Assess
    expect(response.status, response.text).toBe(400);
    expect(pathsOf(response)).toEqual(['currency']);
  });

  it('refuses ZZZ at resolution with 400 naming resolution.currency, writing nothing and emailing nothing', async () => {
    // Prepare
    const caseId = await kettleCase();
    const before = await staffView(staff, caseId);

    // Act
    const response = await resolveAs('agent1', caseId, { type: 'refund', amount: 123.45, currency: 'ZZZ' });

    // Assess
    expect(response.status, response.text).toBe(400);
    expect(pathsOf(response)).toContain('resolution.currency');
    await expectUnchanged(caseId, before);
    const emails = await emailsTo(stack, before.customer.email);
    expect(emails.some((email) => email.text.includes('ZZZ'))).toBe(false);
  });
});

describe('API: POST /v1/staff/cases/{caseId}/resolve, money rules', () => {
  it('refuses an agent compensating a 199 CNY order with 9,999,999.99 USD: 400 naming the currency and the amount', async () => {
    // Prepare
    const caseId = await kettleCase();
    const before = await staffView(staff, caseId);

    // Act
    const response = await resolveAs('agent1', caseId, {
      type: 'compensation',
      amount: 9_999_999.99,
      currency: 'USD',
    });

    // Assess
    expect(response.status, response.text).toBe(400);
    expect(pathsOf(response)).toEqual(expect.arrayContaining(['resolution.currency', 'resolution.amount']));
    await expectUnchanged(caseId, before);
  });

  it.each([
    ['no_action with an amount', '{"type":"no_action","amount":10}'],
    ['guidance with an amount', '{"type":"guidance","amount":10,"currency":"CNY"}'],
    ['a refund of 0', '{"type":"refund","amount":0}'],
    ['a refund of -0', '{"type":"refund","amount":-0}'],
    ['a refund of 1e-300', '{"type":"refund","amount":1e-300}'],
    ['a refund above the order total of 199', '{"type":"refund","amount":199.01}'],
    ['a refund with a fraction of a fen', '{"type":"refund","amount":10.005,"currency":"CNY"}'],
    ['a compensation above the store limit of 5000', '{"type":"compensation","amount":5000.01}'],
  ])('refuses %s with 400 naming resolution.amount', async (_label, resolution) => {
    // Prepare
    const caseId = await kettleCase();
    const before = await staffView(staff, caseId);

    // Act: the raw body keeps -0 and 1e-300 as sent (JSON.stringify would write 0)
    const response = await api(stack).raw(
      'POST',
      `/v1/staff/cases/${caseId}/resolve`,
      `{"resolution":${resolution},"rootCause":"other","summary":"Settled."}`,
      { headers: { authorization: `Bearer ${staff.supervisor1.token}`, 'content-type': 'application/json' } },
    );

    // Assess
    expect(response.status, response.text).toBe(400);
    expect(pathsOf(response)).toContain('resolution.amount');
    await expectUnchanged(caseId, before);
  });

  it('refuses a JPY refund with decimals (yen have none) and records a whole-yen refund in JPY', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1', {
      customer: newCustomer('en'),
      currency: 'JPY',
      items: [{ sku: 'KT-100', name: 'Kettle', category: 'appliances', quantity: 1, unitPrice: 1990 }],
    });

    // Act
    const withDecimals = await resolveAs('agent1', caseId, { type: 'refund', amount: 1000.5 });
    const whole = await resolveAs('agent1', caseId, { type: 'refund', amount: 1990, currency: 'JPY' });

    // Assess
    expect(withDecimals.status, withDecimals.text).toBe(400);
    expect(pathsOf(withDecimals)).toEqual(['resolution.amount']);
    expect(whole.status, whole.text).toBe(200);
    expect(whole.json.resolution).toMatchObject({ type: 'refund', amount: 1990, currency: 'JPY' });
  });

  it('accepts the three decimals of a KWD refund', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1', {
      customer: newCustomer('en'),
      currency: 'KWD',
      items: [{ sku: 'KT-100', name: 'Kettle', category: 'appliances', quantity: 1, unitPrice: 50 }],
    });

    // Act
    const response = await resolveAs('agent1', caseId, { type: 'refund', amount: 12.345 });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.json.resolution).toMatchObject({ amount: 12.345, currency: 'KWD' });
  });

  it('accepts a repair charge and a refund of the whole order in the case currency', async () => {
    // Prepare
    const repaired = await kettleCase();
    const refunded = await kettleCase();

    // Act
    const repair = await resolveAs('agent1', repaired, { type: 'repair', amount: 35 });
    const refund = await resolveAs('agent1', refunded, { type: 'refund', amount: 199, currency: 'CNY' });

    // Assess
    expect(repair.status, repair.text).toBe(200);
    expect(repair.json.resolution).toMatchObject({ type: 'repair', amount: 35, currency: 'CNY' });
    expect(refund.status, refund.text).toBe(200);
  });
});

describe('API: resolutions above the auto-approve limit', () => {
  it('holds an agent at 409 approval_required, shows the pending approval, and resolves it once a supervisor approves', async () => {
    // Prepare
    const caseId = await kettleCase();
    const before = await staffView(staff, caseId);
    const loadBefore = await openCasesOf(staff, 'agent1');

    // Act 1: the agent compensates 3000 CNY (above 2000, within the store's 5000), then asks again with 2500
    const first = await resolveAs('agent1', caseId, { type: 'compensation', amount: 3000 });
    const firstRequestedAt = (await staffView(staff, caseId)).pendingApproval?.requestedAt;
    const second = await resolveAs('agent1', caseId, { type: 'compensation', amount: 2500, reference: 'CP-7' });

    // Assess 1: nothing resolved; the latest request is pending, on the staff view and the internal timeline only
    expect(first.status, first.text).toBe(409);
    expect(first.json.error.code).toBe('approval_required');
    expect(second.status, second.text).toBe(409);
    const pending = (await staff.agent1.get(`/v1/staff/cases/${caseId}`)).json;
    expect(pending.status).toBe(before.status);
    expect(pending.resolution).toBeNull();
    expect(pending.pendingApproval).toEqual({
      resolution: {
        type: 'compensation',
        amount: 2500,
        currency: 'CNY',
        reference: 'CP-7',
        rootCause: 'production_quality',
        summary: 'Settled with the customer.',
      },
      requestedBy: { userId: 'local-agent1', name: expect.any(String), agentId: 'agent1' },
      requestedAt: expect.any(String),
    });
    const requests = pending.timeline.filter(
      (event: { type: string }) => event.type === 'resolution_approval_requested',
    );
    expect(requests).toHaveLength(2);
    expect(requests.every((event: { visibility: string }) => event.visibility === 'internal')).toBe(true);
    const storefront = await customerView(stack, caseId);
    expect(JSON.stringify(storefront)).not.toContain('2500');
    expect(await openCasesOf(staff, 'agent1')).toBe(loadBefore);

    // Act 2: approving the replaced request is refused; the one shown is approved
    const stale = await approvalAs('supervisor1', caseId, { approve: true, requestedAt: firstRequestedAt });
    const approved = await approvalAs('supervisor1', caseId, {
      approve: true,
      note: 'Goodwill, long-time customer.',
      requestedAt: pending.pendingApproval.requestedAt,
    });

    // Assess 2: resolved with the pending resolution, as a resolve would be
    expect(firstRequestedAt).toEqual(expect.any(String));
    expect(stale.status, stale.text).toBe(409);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({
      status: 'resolved',
      resolution: {
        type: 'compensation',
        amount: 2500,
        currency: 'CNY',
        resolvedBy: 'local-agent1',
        approvedBy: 'local-supervisor1',
      },
    });
    const after = await staffView(staff, caseId);
    expect(after.pendingApproval).toBeNull();
    expect(after.timeline.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['resolution_approved', 'resolved']),
    );
    expect(await openCasesOf(staff, 'agent1')).toBe(loadBefore - 1);
    const emails = await emailsTo(stack, before.customer.email);
    const resolvedEmail = emails.find((email) => email.text.includes('Settled with the customer.'));
    expect(resolvedEmail?.text).toContain('CN¥2,500.00');
    expect((await staffView(staff, caseId)).workflowWait?.signal ?? 'aftercare').toBe('aftercare');
    expect((await approvalAs('supervisor1', caseId, { approve: true })).status).toBe(409);
  });

  it('tells the agent on the timeline when a supervisor declines; the case stays open and theirs', async () => {
    // Prepare
    const held = await kettleCase();
    expect((await resolveAs('agent1', held, { type: 'compensation', amount: 2000.01 })).status).toBe(409);
    const before = await staffView(staff, held);

    // Act
    const declined = await approvalAs('admin1', held, { approve: false, note: 'Offer 500 instead.' });

    // Assess
    expect(declined.status, declined.text).toBe(200);
    const view = (await staff.agent1.get(`/v1/staff/cases/${held}`)).json;
    expect(view.status).toBe(before.status);
    expect(view.assignee.agentId).toBe('agent1');
    expect(view.pendingApproval).toBeNull();
    expect(view.resolution).toBeNull();
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'resolution_declined',
      visibility: 'internal',
      details: { note: 'Offer 500 instead.', resolution: { type: 'compensation', amount: 2000.01 } },
    });
    expect((await approvalAs('admin1', held, { approve: true })).status).toBe(409);
    expect((await resolveAs('agent1', held, { type: 'compensation', amount: 500 })).status).toBe(200);
  });

  it('lets a supervisor resolve above the limit directly, and an agent at the limit', async () => {
    // Prepare
    const bySupervisor = await kettleCase();
    const atLimit = await kettleCase();

    // Act
    const supervisor = await resolveAs('supervisor1', bySupervisor, { type: 'compensation', amount: 4000 });
    const agent = await resolveAs('agent1', atLimit, { type: 'compensation', amount: 2000 });

    // Assess
    expect(supervisor.status, supervisor.text).toBe(200);
    expect(supervisor.json.resolution).toMatchObject({ amount: 4000, resolvedBy: 'local-supervisor1' });
    expect(supervisor.json.resolution.approvedBy).toBeUndefined();
    expect(agent.status, agent.text).toBe(200);
  });

  it('keeps the pending approval from other agents and other stores: they neither see nor decide it', async () => {
    // Prepare
    const caseId = await kettleCase();
    expect((await resolveAs('agent1', caseId, { type: 'compensation', amount: 3000 })).status).toBe(409);

    // Act
    const answers = {
      agent2View: (await staff.agent2.get(`/v1/staff/cases/${caseId}`)).status,
      agent3View: (await staff.agent3.get(`/v1/staff/cases/${caseId}`)).status,
      requesterApproves: (await approvalAs('agent1', caseId, { approve: true })).status,
      agent2Approves: (await approvalAs('agent2', caseId, { approve: true })).status,
      agent3Approves: (await approvalAs('agent3', caseId, { approve: true })).status,
      supervisor3Approves: (await approvalAs('supervisor3', caseId, { approve: true })).status,
      admin3Approves: (await approvalAs('admin3', caseId, { approve: true })).status,
      anonymous: (await api(stack).post(`/v1/staff/cases/${caseId}/resolution-approval`, { approve: true })).status,
    };

    // Assess
    expect(answers).toEqual({
      agent2View: 403,
      agent3View: 404,
      requesterApproves: 403,
      agent2Approves: 403,
      agent3Approves: 403,
      supervisor3Approves: 404,
      admin3Approves: 404,
      anonymous: 401,
    });
    const view = await staffView(staff, caseId);
    expect(view.status).not.toBe('resolved');
    expect(view.pendingApproval).toMatchObject({ resolution: { amount: 3000 } });
  });

  it('answers 409 to a decision on a case with no pending approval, and 400 naming approve when it is missing', async () => {
    // Prepare
    const caseId = await kettleCase();

    // Act
    const none = await approvalAs('supervisor1', caseId, { approve: true });
    const malformed = await approvalAs('supervisor1', caseId, { note: 'ok' });

    // Assess
    expect(none.status, none.text).toBe(409);
    expect(malformed.status).toBe(400);
    expect(pathsOf(malformed)).toEqual(['approve']);
  });
});

describe('API: the store compensation limit', () => {
  it('is shown by GET /v1/admin/store, refused out of bounds naming compensationLimit, and saved by PUT', async () => {
    // Prepare
    const current = (await staff.admin3.get('/v1/admin/store')).json;
    const { storeId: _storeId, ...editable } = current;

    // Act
    const negative = await staff.admin3.put('/v1/admin/store', { ...editable, compensationLimit: -1 });
    const text = await staff.admin3.put('/v1/admin/store', { ...editable, compensationLimit: '100' });
    const saved = await staff.admin3.put('/v1/admin/store', { ...editable, compensationLimit: 800 });

    // Assess
    expect(current.compensationLimit).toBe(5000);
    expect(negative.status).toBe(400);
    expect(pathsOf(negative)).toEqual(['compensationLimit']);
    expect(text.status).toBe(400);
    expect(pathsOf(text)).toEqual(['compensationLimit']);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.compensationLimit).toBe(800);
    expect((await staff.admin3.get('/v1/admin/store')).json.compensationLimit).toBe(800);
  });
});
