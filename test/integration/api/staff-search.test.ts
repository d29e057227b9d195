import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { caseOf } from '../../support/stored-cases.js';
import { fileCase as fileStorefrontCase } from '../../support/storefront.js';
import { caseAssignedTo, newCustomer, raiseCapacity, signInAll, type Staff } from './staff-fixtures.js';

/** Staff find a case by what the customer quotes: its number, their order, their email address. */
let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => stack?.stop());

let orders = 0;
const newOrderId = () => {
  orders += 1;
  return `SO-SEARCH-${Date.now()}-${orders}`;
};

/** Another line of the order: a second claim on the same line would be refused as a duplicate. */
const otherLine = (sku: string) => ({
  items: [{ sku, name: 'Kettle lid', category: 'appliances', quantity: 1, unitPrice: 29 }],
});

const idsOf = (json: { items: Array<{ caseId: string }> }) => json.items.map((item) => item.caseId);

describe('Route: GET /v1/staff/cases/by-number/{caseNumber}', () => {
  it('returns the staff view of the case customers quote by number, in any letter case', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const { caseNumber } = await caseOf(stack.dependencies, caseId);

    // Act
    const exact = await staff.supervisor1.get(`/v1/staff/cases/by-number/${caseNumber}`);
    const lower = await staff.agent1.get(`/v1/staff/cases/by-number/${caseNumber.toLowerCase()}`);

    // Assess
    expect(exact.status, exact.text).toBe(200);
    expect(exact.json).toMatchObject({ caseId, caseNumber, messages: [], assignee: { agentId: 'agent1' } });
    expect(exact.json).not.toHaveProperty('kpiRevision');
    expect(exact.json).not.toHaveProperty('notificationsSent');
    expect(lower.status, lower.text).toBe(200);
    expect(lower.json.caseId).toBe(caseId);
  });

  it("answers 404 to another store's staff, 403 to an agent it is not assigned to, 404 for unknown numbers", async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const { caseNumber } = await caseOf(stack.dependencies, caseId);
    const path = `/v1/staff/cases/by-number/${caseNumber}`;

    // Act & Assess
    expect((await staff.supervisor3.get(path)).status).toBe(404);
    expect((await staff.agent3.get(path)).status).toBe(404);
    expect((await staff.agent2.get(path)).status).toBe(403);
    expect((await staff.supervisor1.get('/v1/staff/cases/by-number/AS-19990101-0001')).status).toBe(404);
    expect((await staff.supervisor1.get('/v1/staff/cases/by-number/not-a-number')).status).toBe(404);
  });
});

describe('Route: GET /v1/staff/cases?caseNumber=|orderId=|customerEmail=', () => {
  it('finds the case by number, the cases of an order and of an email address, newest first, in the store only', async () => {
    // Prepare: two cases of one customer and order, one of another order
    const customer = newCustomer();
    const orderId = newOrderId();
    const first = await fileStorefrontCase(stack, { customer, orderId });
    const second = await caseAssignedTo(stack, staff, 'agent1', { customer, orderId, ...otherLine('KT-LID-1') });
    const other = await fileStorefrontCase(stack, { customer, orderId: newOrderId() });
    const { caseNumber } = await caseOf(stack.dependencies, second);
    const shouting = `  ${customer.email.toUpperCase()} `;

    // Act
    const byNumber = await staff.supervisor1.get(`/v1/staff/cases?caseNumber=${caseNumber.toLowerCase()}`);
    const byOrder = await staff.supervisor1.get(`/v1/staff/cases?orderId=${orderId}`);
    const byEmail = await staff.supervisor1.get(`/v1/staff/cases?customerEmail=${encodeURIComponent(shouting)}`);
    const paged = await staff.supervisor1.get(`/v1/staff/cases?orderId=${orderId}&limit=1`);
    const rest = await staff.supervisor1.get(
      `/v1/staff/cases?orderId=${orderId}&limit=1&nextToken=${encodeURIComponent(paged.json.nextToken as string)}`,
    );
    const otherStore = await staff.supervisor3.get(
      `/v1/staff/cases?customerEmail=${encodeURIComponent(customer.email)}`,
    );

    // Assess
    expect(byNumber.status, byNumber.text).toBe(200);
    expect(idsOf(byNumber.json)).toEqual([second]);
    expect(byNumber.json.items[0]).toMatchObject({ caseNumber, status: expect.any(String) });
    expect(idsOf(byOrder.json)).toEqual([second, first]);
    expect(idsOf(byEmail.json)).toEqual([other, second, first]);
    expect(idsOf(paged.json)).toEqual([second]);
    expect(idsOf(rest.json)).toEqual([first]);
    expect(otherStore.status).toBe(200);
    expect(idsOf(otherStore.json)).toEqual([]);
  });

  it('shows an agent only the cases assigned to them', async () => {
    // Prepare
    const customer = newCustomer();
    const orderId = newOrderId();
    const mine = await caseAssignedTo(stack, staff, 'agent1', { customer, orderId });
    const theirs = await caseAssignedTo(stack, staff, 'agent2', { customer, orderId, ...otherLine('KT-LID-2') });
    const { caseNumber } = await caseOf(stack.dependencies, theirs);

    // Act
    const byOrder = await staff.agent1.get(`/v1/staff/cases?orderId=${orderId}`);
    const byEmail = await staff.agent2.get(`/v1/staff/cases?customerEmail=${encodeURIComponent(customer.email)}`);
    const byNumber = await staff.agent1.get(`/v1/staff/cases?caseNumber=${caseNumber}`);

    // Assess
    expect(idsOf(byOrder.json)).toEqual([mine]);
    expect(idsOf(byEmail.json)).toEqual([theirs]);
    expect(idsOf(byNumber.json)).toEqual([]);
  });

  it('answers 400 naming the field for a malformed search or one mixed with another', async () => {
    // Act
    const badNumber = await staff.supervisor1.get('/v1/staff/cases?caseNumber=AS-2026');
    const badEmail = await staff.supervisor1.get('/v1/staff/cases?customerEmail=not-an-email');
    const long = await staff.supervisor1.get(`/v1/staff/cases?orderId=${'x'.repeat(65)}`);
    const mixed = await staff.supervisor1.get('/v1/staff/cases?orderId=SO-1&customerEmail=a%40example.com');
    const withQueue = await staff.supervisor1.get('/v1/staff/cases?orderId=SO-1&status=open');

    // Assess
    for (const [response, path] of [
      [badNumber, 'caseNumber'],
      [badEmail, 'customerEmail'],
      [long, 'orderId'],
      [mixed, 'customerEmail'],
      [withQueue, 'status'],
    ] as const) {
      expect(response.status, response.text).toBe(400);
      expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
  });
});
