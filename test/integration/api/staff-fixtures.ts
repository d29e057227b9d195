import { expect } from 'vitest';
import { updateAgents } from '../../support/admin-agents.js';
import type { returnRequest } from '../../support/case-requests.js';
import { api, waitFor, type ApiResponse, type TestStack } from '../../support/local-stack.js';
import { staffApi, type StaffApi } from '../../support/staff-api.js';
import { fileCase as fileStorefrontCase } from '../../support/storefront.js';

/** The seeded staff of both demo stores, signed in (see local/staff-users.ts). */
const USERNAMES = ['agent1', 'agent2', 'supervisor1', 'admin1', 'agent3', 'supervisor3', 'admin3'] as const;
type Username = (typeof USERNAMES)[number];
export type Staff = Record<Username, StaffApi>;

export const signInAll = async (stack: TestStack): Promise<Staff> => {
  const signedIn = await Promise.all(USERNAMES.map((username) => staffApi(stack, username)));
  return Object.fromEntries(USERNAMES.map((username, index) => [username, signedIn[index]])) as Staff;
};

/** Who calls a route in the access tables: a seeded user with their bearer token, or nobody signed in. */
export type Caller = Username | 'anonymous';

/** A request as `caller`. */
export const sendAs = (
  stack: TestStack,
  staff: Staff,
  caller: Caller,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<ApiResponse> => {
  const client = caller === 'anonymous' ? api(stack) : staff[caller];
  if (method === 'GET') return client.get(path);
  return method === 'POST' ? client.post(path, body) : client.put(path, body);
};

let customers = 0;

/** A fresh customer, so each test reads only its own emails. */
export const newCustomer = (locale: 'zh-CN' | 'en' = 'en') => {
  customers += 1;
  const id = `c-staff-${Date.now()}-${customers}`;
  return { id, email: `${id}@example.com`, name: 'Li Lei', locale };
};

/** Files a case of a fresh customer through store A's storefront; returns its id. */
export const fileCase = (stack: TestStack, overrides: Parameters<typeof returnRequest>[0] = {}): Promise<string> =>
  fileStorefrontCase(stack, { customer: newCustomer(), ...overrides });

/** The staff view of a case, read by store A's supervisor (who may read every case of the store). */
export const staffView = async (staff: Staff, caseId: string) =>
  (await staff.supervisor1.get(`/v1/staff/cases/${caseId}`)).json;

export const waitForStatus = (staff: Staff, caseId: string, statuses: readonly string[]) =>
  waitFor(async () => {
    const view = await staffView(staff, caseId);
    return statuses.includes(view.status) ? view : undefined;
  });

/** The agent's load as store A's supervisor sees it in the agent list. */
export const openCasesOf = async (staff: Staff, agentId: string): Promise<number> => {
  const { items } = (await staff.supervisor1.get('/v1/admin/agents')).json as {
    items: Array<{ agentId: string; openCases: number }>;
  };
  const agent = items.find((candidate) => candidate.agentId === agentId);
  if (!agent) throw new Error(`${agentId} is not listed`);
  return agent.openCases;
};

/**
 * A new case of store A assigned to `agentId`: filed, approved and auto-assigned by the workflow, then reassigned by
 * supervisor1 when the workflow picked someone else (a 409 from a concurrent auto-assignment is retried), its emails sent.
 */
export const caseAssignedTo = async (
  stack: TestStack,
  staff: Staff,
  agentId: string,
  overrides: Parameters<typeof returnRequest>[0] = {},
): Promise<string> => {
  const caseId = await fileCase(stack, overrides);
  await waitFor(async () => {
    const view = await waitForStatus(staff, caseId, ['open', 'assigned']);
    if (view.assignee?.agentId === agentId) return true;
    // Not before the workflow has classified it: that step would otherwise land after the test's snapshot of the case.
    if (!view.classification) return false;
    const assigned = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/assign`, { agentId });
    if (assigned.status !== 200 && assigned.status !== 409) throw new Error(`assign answered ${assigned.status}`);
    return assigned.status === 200;
  });
  // A staff assignment's email goes out through the work queue (the outbox): let it land before a test's snapshot.
  await stack.workQueue.settled();
  return caseId;
};

/** A case of store A that agent1 has answered once (status `in_progress`). */
export const caseInProgress = async (stack: TestStack, staff: Staff): Promise<string> => {
  const caseId = await caseAssignedTo(stack, staff, 'agent1');
  expect((await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'We are on it.' })).status).toBe(201);
  return caseId;
};

/** A case of store A waiting in manual review (an order line over the auto-approve limit). */
export const caseInReview = async (stack: TestStack, staff: Staff): Promise<string> => {
  const caseId = await fileCase(stack, {
    items: [{ sku: 'TV-1', name: 'Television', category: 'electronics', quantity: 1, unitPrice: 4999 }],
  });
  await waitForStatus(staff, caseId, ['pending_review']);
  return caseId;
};

/** Gives store A's agents room for every case the tests file, so auto-assignment never runs out of capacity. */
export const raiseCapacity = async (staff: Staff, agentIds: readonly string[], maxOpenCases = 200): Promise<void> => {
  for (const updated of await updateAgents(staff.admin1, { maxOpenCases }, agentIds)) {
    expect(updated.status).toBe(200);
  }
};
