import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editableProfileOf } from '../../support/admin-agents.js';
import { startTestStack, type ApiResponse, type TestStack } from '../../support/local-stack.js';
import { sendAs, signInAll, type Caller, type Staff } from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
});
afterAll(async () => stack?.stop());

type Method = 'GET' | 'POST' | 'PUT';

const send = (caller: Caller, method: Method, path: string, body?: unknown): Promise<ApiResponse> =>
  sendAs(stack, staff, caller, method, path, body);

let created = 0;
const newAgent = () => {
  created += 1;
  return {
    agentId: `temp${created}`,
    name: `Temp ${created}`,
    email: `temp${created}@example.com`,
    skills: { types: ['usage_question'], categories: ['toys'], locales: ['en'] },
    maxOpenCases: 1,
    available: false,
  };
};

/** Agent2's profile as seeded, so a permitted update changes nothing that other tests rely on. */
const agent2Profile = () => editableProfileOf(staff.admin1, 'agent2');

/** The store's policy (or SLA policy) as it is, without the version: a permitted save keeps the rules. */
const currentPolicyOf = async (caller: 'admin1' | 'admin3', path = '/v1/admin/policy') => {
  const { version: _version, ...policy } = (await staff[caller].get(path)).json;
  return policy;
};

interface AdminRoute {
  name: string;
  method: Method;
  path: string;
  body?: (caller: Caller) => Promise<unknown>;
  expected: Record<Caller, number>;
}

const onlyAdmins = (admin1: number, admin3: number): Record<Caller, number> => ({
  agent1: 403,
  agent2: 403,
  supervisor1: 403,
  admin1,
  agent3: 403,
  supervisor3: 403,
  admin3,
  anonymous: 401,
});

const ROUTES: AdminRoute[] = [
  {
    name: 'GET /v1/admin/agents',
    method: 'GET',
    path: '/v1/admin/agents',
    expected: { ...onlyAdmins(200, 200), supervisor1: 200, supervisor3: 200 },
  },
  {
    name: 'POST /v1/admin/agents',
    method: 'POST',
    path: '/v1/admin/agents',
    body: async () => newAgent(),
    expected: onlyAdmins(201, 201),
  },
  {
    name: 'PUT /v1/admin/agents/agent2',
    method: 'PUT',
    path: '/v1/admin/agents/agent2',
    body: agent2Profile,
    // Store B has no agent2: another store's agent is unknown, not forbidden.
    expected: onlyAdmins(200, 404),
  },
  {
    name: 'GET /v1/admin/policy',
    method: 'GET',
    path: '/v1/admin/policy',
    expected: onlyAdmins(200, 200),
  },
  {
    name: 'PUT /v1/admin/policy',
    method: 'PUT',
    path: '/v1/admin/policy',
    body: (caller) => currentPolicyOf(caller === 'admin3' ? 'admin3' : 'admin1'),
    expected: onlyAdmins(200, 200),
  },
  {
    name: 'GET /v1/admin/sla',
    method: 'GET',
    path: '/v1/admin/sla',
    expected: onlyAdmins(200, 200),
  },
  {
    name: 'PUT /v1/admin/sla',
    method: 'PUT',
    path: '/v1/admin/sla',
    body: (caller) => currentPolicyOf(caller === 'admin3' ? 'admin3' : 'admin1', '/v1/admin/sla'),
    expected: onlyAdmins(200, 200),
  },
  {
    name: 'GET /v1/admin/store',
    method: 'GET',
    path: '/v1/admin/store',
    expected: onlyAdmins(200, 200),
  },
  {
    name: 'PUT /v1/admin/store',
    method: 'PUT',
    path: '/v1/admin/store',
    body: async (caller) => {
      const {
        storeId: _storeId,
        version: _version,
        ...profile
      } = (await staff[caller === 'admin3' ? 'admin3' : 'admin1'].get('/v1/admin/store')).json;
      return profile;
    },
    expected: onlyAdmins(200, 200),
  },
  {
    name: 'POST /v1/admin/store/api-keys',
    method: 'POST',
    path: '/v1/admin/store/api-keys',
    // The replaced demo keys keep working for a day: the other tests here still use them.
    body: async () => ({}),
    expected: onlyAdmins(201, 201),
  },
  {
    name: 'GET /v1/admin/store/api-keys',
    method: 'GET',
    path: '/v1/admin/store/api-keys',
    expected: onlyAdmins(200, 200),
  },
];

const rows = ROUTES.flatMap((route) =>
  Object.entries(route.expected).map(([caller, status]) => [route.name, caller as Caller, status, route] as const),
);

describe('API: admin routes, by role and store', () => {
  it.each(rows)('%s answers %s with %i', async (_name, caller, status, route) => {
    // Prepare
    const body = route.body ? await route.body(caller) : undefined;

    // Act
    const response = await send(caller, route.method, route.path, body);

    // Assess
    expect(response.status, response.text).toBe(status);
  });

  it("lists only the caller's store's agents", async () => {
    const storeA = (await staff.supervisor1.get('/v1/admin/agents')).json.items.map(
      (agent: { agentId: string }) => agent.agentId,
    );
    const storeB = (await staff.supervisor3.get('/v1/admin/agents')).json.items.map(
      (agent: { agentId: string }) => agent.agentId,
    );

    expect(storeA).toEqual(expect.arrayContaining(['agent1', 'agent2']));
    expect(storeA).not.toContain('agent3');
    expect(storeB).toContain('agent3');
    expect(storeB).not.toContain('agent1');
  });
});
