import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type ApiResponse, type TestStack } from '../../support/local-stack.js';
import {
  caseAssignedTo,
  caseInProgress,
  caseInReview,
  raiseCapacity,
  sendAs,
  signInAll,
  staffView,
  type Caller,
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

type Method = 'GET' | 'POST';

const send = (caller: Caller, method: Method, path: string, body?: unknown): Promise<ApiResponse> =>
  sendAs(stack, staff, caller, method, path, body);

interface CaseRoute {
  name: string;
  /** A store A case in the state the action needs (assigned to agent1 unless the action needs none). */
  prepare: () => Promise<string>;
  method: Method;
  path: (caseId: string) => string;
  body?: unknown;
  /** The status each caller gets. */
  expected: Record<Caller, number>;
}

/** Agent1 has the case; agent2 works in the same store; agent3 and admin3 in store B. */
const actingOnOwnCase = (success: number): Record<Caller, number> => ({
  agent1: success,
  agent2: 403,
  supervisor1: success,
  admin1: success,
  agent3: 404,
  supervisor3: 404,
  admin3: 404,
  anonymous: 401,
});

/** Routes only supervisors and admins may call: the role is checked before the store. */
const supervising = (success: number): Record<Caller, number> => ({
  agent1: 403,
  agent2: 403,
  supervisor1: success,
  admin1: success,
  agent3: 403,
  supervisor3: 404,
  admin3: 404,
  anonymous: 401,
});

const assignedToAgent1 = () => caseAssignedTo(stack, staff, 'agent1');

const CASE_ROUTES: CaseRoute[] = [
  {
    name: 'GET /v1/staff/cases/{caseId}',
    prepare: assignedToAgent1,
    method: 'GET',
    path: (caseId) => `/v1/staff/cases/${caseId}`,
    expected: actingOnOwnCase(200),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/replies',
    prepare: assignedToAgent1,
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/replies`,
    body: { body: 'Could you send a photo of the base?' },
    expected: actingOnOwnCase(201),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/notes',
    prepare: assignedToAgent1,
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/notes`,
    body: { body: 'Seal defect, most likely.' },
    expected: actingOnOwnCase(201),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/status',
    prepare: () => caseInProgress(stack, staff),
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/status`,
    body: { status: 'awaiting_customer' },
    expected: actingOnOwnCase(200),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/resolve',
    prepare: assignedToAgent1,
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/resolve`,
    body: { resolution: { type: 'guidance' }, rootCause: 'misuse', summary: 'Explained how to descale it.' },
    expected: actingOnOwnCase(200),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/classification',
    prepare: assignedToAgent1,
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/classification`,
    body: { severity: 'critical', reason: 'The customer mentions smoke on the phone.' },
    expected: actingOnOwnCase(200),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/assign',
    prepare: assignedToAgent1,
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/assign`,
    body: { agentId: 'agent2' },
    expected: supervising(200),
  },
  {
    name: 'POST /v1/staff/cases/{caseId}/review',
    prepare: () => caseInReview(stack, staff),
    method: 'POST',
    path: (caseId) => `/v1/staff/cases/${caseId}/review`,
    body: { decision: 'approve', reason: 'Receipt checked.' },
    expected: supervising(200),
  },
];

/** One case per route for the callers who are refused: a refusal writes nothing, so they can share it. */
const refusedCase = new Map<string, Promise<string>>();
const caseFor = (route: CaseRoute, status: number): Promise<string> => {
  if (status < 400) return route.prepare();
  const shared = refusedCase.get(route.name) ?? route.prepare();
  refusedCase.set(route.name, shared);
  return shared;
};

const rows = CASE_ROUTES.flatMap((route) =>
  Object.entries(route.expected).map(([caller, status]) => ({ route, caller: caller as Caller, status })),
);

describe('API: staff case routes, by role and store', () => {
  it.each(rows.map((row) => [row.route.name, row.caller, row.status, row] as const))(
    '%s answers %s with %i',
    async (_name, caller, status, { route }) => {
      // Prepare
      const caseId = await caseFor(route, status);

      // Act
      const response = await send(caller, route.method, route.path(caseId), route.body);

      // Assess
      expect(response.status, response.text).toBe(status);
    },
  );

  it('returns 404 for a malformed case id and for an unknown one, to every caller', async () => {
    for (const path of ['/v1/staff/cases/not-a-case', '/v1/staff/cases/cs_01JAAAAAAAAAAAAAAAAAAAAAAA']) {
      expect((await staff.supervisor1.get(path)).status).toBe(404);
      expect((await staff.agent1.post(`${path}/replies`, { body: 'hi' })).status).toBe(404);
    }
  });

  it('writes nothing for a refused action', async () => {
    // Prepare
    const caseId = await assignedToAgent1();
    const before = await staffView(staff, caseId);

    // Act
    const answers = await Promise.all(
      CASE_ROUTES.filter((route) => route.method === 'POST').flatMap((route) =>
        (['agent2', 'agent3', 'admin3', 'anonymous'] as const).map(
          async (caller) => (await send(caller, 'POST', route.path(caseId), route.body)).status,
        ),
      ),
    );

    // Assess
    expect(answers.every((status) => status === 401 || status === 403 || status === 404)).toBe(true);
    const after = await staffView(staff, caseId);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.status).toBe(before.status);
  });
});

describe('API: GET /v1/staff/cases, by role and store', () => {
  it.each([
    ['agent1', '?assignee=me', 200],
    ['agent1', '', 200],
    ['agent1', '?assignee=agent1', 200],
    ['agent1', '?assignee=agent2', 403],
    ['agent1', '?assignee=unassigned', 403],
    ['supervisor1', '', 200],
    ['supervisor1', '?assignee=agent1', 200],
    ['admin1', '?assignee=unassigned&status=open', 200],
    ['agent3', '?assignee=me', 200],
    ['admin3', '?assignee=agent1', 200],
    ['anonymous', '', 401],
  ] as const)('answers %s asking for %s with %i', async (caller, query, status) => {
    expect((await send(caller, 'GET', `/v1/staff/cases${query}`)).status).toBe(status);
  });

  it("never lists another store's cases, even under the same agent id", async () => {
    // Prepare
    const caseId = await assignedToAgent1();

    // Act
    const ownStore = await staff.supervisor1.get('/v1/staff/cases?assignee=agent1&limit=100');
    const otherStore = await staff.admin3.get('/v1/staff/cases?assignee=agent1&limit=100');

    // Assess
    expect(ownStore.json.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    expect(otherStore.json.items).toEqual([]);
  });
});
