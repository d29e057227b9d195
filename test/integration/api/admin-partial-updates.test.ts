import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { signInAll, type Staff } from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
});
afterAll(async () => stack?.stop());

const newAgent = (agentId: string) => ({
  agentId,
  name: 'Wu Fang',
  email: `${agentId}@store-a.example`,
  skills: { types: ['repair'], categories: ['appliances'], locales: ['zh-CN'] },
  maxOpenCases: 5,
  available: true,
  supervisorId: 'supervisor1',
});

describe('API: PATCH /v1/admin/agents/{agentId}', () => {
  it('changes only the fields sent: the supervisor and the other skills are kept', async () => {
    // Prepare
    const created = await staff.admin1.post('/v1/admin/agents', newAgent('wu.fang'));

    // Act
    const patched = await staff.admin1.patch('/v1/admin/agents/wu.fang', {
      maxOpenCases: 9,
      skills: { locales: ['zh-CN', 'en'] },
    });

    // Assess
    expect(created.json.version).toBe(1);
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      agentId: 'wu.fang',
      name: 'Wu Fang',
      maxOpenCases: 9,
      supervisorId: 'supervisor1',
      skills: { types: ['repair'], categories: ['appliances'], locales: ['zh-CN', 'en'] },
      version: 2,
    });
  });

  it('removes the supervisor only when sent as null', async () => {
    // Prepare
    await staff.admin1.post('/v1/admin/agents', newAgent('he.jun'));

    // Act
    const removed = await staff.admin1.patch('/v1/admin/agents/he.jun', { supervisorId: null });

    // Assess
    expect(removed.status).toBe(200);
    expect(removed.json.supervisorId).toBeNull();
    expect(removed.json.maxOpenCases).toBe(5);
  });

  it('refuses a stale version with 409 and writes nothing: a second admin cannot overwrite the first blindly', async () => {
    // Prepare
    const { version } = (await staff.admin1.post('/v1/admin/agents', newAgent('ma.li'))).json;
    const first = await staff.admin1.patch('/v1/admin/agents/ma.li', { version, available: false });

    // Act
    const second = await staff.admin1.patch('/v1/admin/agents/ma.li', { version, maxOpenCases: 1 });

    // Assess
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    const listed = (await staff.admin1.get('/v1/admin/agents')).json.items.find(
      (agent: { agentId: string }) => agent.agentId === 'ma.li',
    );
    expect(listed).toMatchObject({ available: false, maxOpenCases: 5, version: version + 1 });
  });

  it('answers 400 naming the field, 404 for an unknown agent, 403 for a supervisor', async () => {
    // Prepare
    await staff.admin1.post('/v1/admin/agents', newAgent('qin.yu'));

    // Act
    const invalid = await staff.admin1.patch('/v1/admin/agents/qin.yu', {
      maxOpenCases: 0,
      skills: { locales: [] },
      openCases: 0,
    });
    const unknown = await staff.admin1.patch('/v1/admin/agents/nobody', { available: false });
    const supervisor = await staff.supervisor1.patch('/v1/admin/agents/qin.yu', { available: false });

    // Assess
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(
      expect.arrayContaining(['maxOpenCases', 'body']),
    );
    expect(unknown.status).toBe(404);
    expect(supervisor.status).toBe(403);
    const listed = (await staff.admin1.get('/v1/admin/agents')).json.items.find(
      (agent: { agentId: string }) => agent.agentId === 'qin.yu',
    );
    expect(listed).toMatchObject({ maxOpenCases: 5, available: true, version: 1 });
  });

  it('a PUT without supervisorId still removes it (a replace, as documented)', async () => {
    // Prepare
    const { agentId: _id, ...profile } = newAgent('lu.yan');
    await staff.admin1.post('/v1/admin/agents', newAgent('lu.yan'));

    // Act
    const { supervisorId: _supervisor, ...withoutSupervisor } = profile;
    const replaced = await staff.admin1.put('/v1/admin/agents/lu.yan', withoutSupervisor);

    // Assess
    expect(replaced.json).toMatchObject({ supervisorId: null, version: 2 });
  });
});

describe('API: PATCH /v1/admin/store', () => {
  it('changes only the fields sent; KPI targets merge field by field; the version goes up', async () => {
    // Prepare
    const before = (await staff.admin3.get('/v1/admin/store')).json;

    // Act
    const patched = await staff.admin3.patch('/v1/admin/store', {
      name: 'Demo Store B (renamed)',
      kpiTargets: { csatMin: 0.8 },
    });

    // Assess
    expect(patched.status).toBe(200);
    expect(patched.json).toEqual({
      ...before,
      name: 'Demo Store B (renamed)',
      kpiTargets: { ...before.kpiTargets, csatMin: 0.8 },
      version: before.version + 1,
    });
    expect((await staff.admin3.get('/v1/admin/store')).json).toEqual(patched.json);
  });

  it('keeps a saved field a later patch leaves out (a PUT would reset it to its default)', async () => {
    // Prepare
    await staff.admin3.patch('/v1/admin/store', { intakeLimitPerCustomerPerHour: 7, compensationLimit: 123 });

    // Act
    const patched = await staff.admin3.patch('/v1/admin/store', { reopenWindow: 'P10D' });

    // Assess
    expect(patched.json).toMatchObject({
      intakeLimitPerCustomerPerHour: 7,
      compensationLimit: 123,
      reopenWindow: 'P10D',
    });
  });

  it('checks the merged profile whole (400 naming the field) and refuses a stale version (409), writing nothing', async () => {
    // Prepare
    const before = (await staff.admin3.get('/v1/admin/store')).json;

    // Act
    const acrossFields = await staff.admin3.patch('/v1/admin/store', { awaitingCustomerReminderAfter: 'P30D' });
    const badField = await staff.admin3.patch('/v1/admin/store', { caseNumberPrefix: 'b-1', storeId: 'store-a' });
    const stale = await staff.admin3.patch('/v1/admin/store', { version: before.version - 1, name: 'Stale' });

    // Assess
    expect(acrossFields.status).toBe(400);
    expect(acrossFields.json.error.details).toContainEqual(
      expect.objectContaining({ path: 'awaitingCustomerReminderAfter' }),
    );
    expect(badField.status).toBe(400);
    expect(badField.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(
      expect.arrayContaining(['caseNumberPrefix', 'body']),
    );
    expect(stale.status).toBe(409);
    expect((await staff.admin3.get('/v1/admin/store')).json).toEqual(before);
  });
});
