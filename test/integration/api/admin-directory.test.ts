import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../functions/domain/policy/store-policy.js';
import { returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { signInAll, type Staff } from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
});
afterAll(async () => stack?.stop());

const profile = (overrides: Record<string, unknown> = {}) => ({
  name: 'Zhou Min',
  email: 'zhou.min@store-a.example',
  skills: { types: ['repair', 'product_fault'], categories: ['appliances'], locales: ['zh-CN', 'en'] },
  maxOpenCases: 5,
  available: true,
  supervisorId: 'supervisor1',
  ...overrides,
});

describe('API: /v1/admin/agents', () => {
  it('creates an agent with no load, lists it, and answers the same agentId again with 409', async () => {
    // Act
    const created = await staff.admin1.post('/v1/admin/agents', { agentId: 'zhou.min', ...profile() });
    const again = await staff.admin1.post('/v1/admin/agents', { agentId: 'zhou.min', ...profile() });
    const listed = await staff.supervisor1.get('/v1/admin/agents');

    // Assess
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/admin/agents/zhou.min');
    expect(created.json).toEqual({
      agentId: 'zhou.min',
      ...profile(),
      openCases: 0,
      lastAssignedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(again.status).toBe(409);
    expect(listed.json.items).toContainEqual(expect.objectContaining({ agentId: 'zhou.min', openCases: 0 }));
  });

  it('replaces the profile and keeps the load', async () => {
    // Prepare
    await staff.admin1.post('/v1/admin/agents', {
      agentId: 'li.qiang',
      ...profile({ email: 'li.qiang@store-a.example' }),
    });

    // Act
    const updated = await staff.admin1.put(
      '/v1/admin/agents/li.qiang',
      profile({ email: 'li.qiang@store-a.example', maxOpenCases: 12, available: false, supervisorId: undefined }),
    );

    // Assess
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ agentId: 'li.qiang', maxOpenCases: 12, available: false, openCases: 0 });
    expect(updated.json.supervisorId).toBeNull();
  });

  it.each([
    ['an unknown agent', '/v1/admin/agents/nobody', 404],
    ['a malformed agent id', '/v1/admin/agents/Not%20An%20Id', 404],
  ])('answers an update of %s with %i', async (_label, path, status) => {
    expect((await staff.admin1.put(path, profile())).status).toBe(status);
  });

  it('returns 400 listing every invalid field of a new agent', async () => {
    const created = await staff.admin1.post('/v1/admin/agents', {
      agentId: 'Bad Id',
      ...profile({ maxOpenCases: 0, skills: { types: ['teleport'], categories: [], locales: [] } }),
      openCases: 3,
    });

    expect(created.status).toBe(400);
    expect(created.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(
      expect.arrayContaining(['agentId', 'maxOpenCases', 'skills.types.0', 'skills.locales', 'body']),
    );
  });
});

describe('API: /v1/admin/policy', () => {
  it('saves a new policy with the next version, and new cases are reviewed under it', async () => {
    // Prepare
    const current = (await staff.admin1.get('/v1/admin/policy')).json;
    const { version, ...rules } = current;

    // Act
    const saved = await staff.admin1.put('/v1/admin/policy', { ...rules, version, returnWindowDays: 40 });
    const filed = await api(stack).post('/v1/cases', returnRequest({}, 35), { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ ...rules, version: version + 1, returnWindowDays: 40 });
    expect((await staff.admin1.get('/v1/admin/policy')).json).toEqual(saved.json);
    const decided = await waitFor(async () => {
      const view = (await api(stack).get(`/v1/cases/${filed.json.caseId}`, { apiKey: stack.apiKeys.storeA })).json;
      return view.decision ? view : undefined;
    });
    expect(decided.decision.outcome).toBe('approved');
    const storeB = (await staff.admin3.get('/v1/admin/policy')).json;
    expect(storeB.returnWindowDays).toBe(DEFAULT_POLICY.returnWindowDays);
  });

  it('shows and saves how missing evidence is handled (request by default, or reject)', async () => {
    // Prepare
    const { version, ...rules } = (await staff.admin1.get('/v1/admin/policy')).json;

    // Act
    const saved = await staff.admin1.put('/v1/admin/policy', { ...rules, version, missingEvidence: 'reject' });
    const invalid = await staff.admin1.put('/v1/admin/policy', { ...rules, missingEvidence: 'ignore' });
    const restored = await staff.admin1.put('/v1/admin/policy', { ...rules, version: saved.json.version });

    // Assess
    expect(rules.missingEvidence).toBe('request');
    expect(saved.status).toBe(200);
    expect(saved.json.missingEvidence).toBe('reject');
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['missingEvidence']);
    expect(restored.json.missingEvidence).toBe('request');
  });

  it('returns 409 for a save based on an older version, and changes nothing', async () => {
    // Prepare
    const { version, ...rules } = (await staff.admin3.get('/v1/admin/policy')).json;
    await staff.admin3.put('/v1/admin/policy', { ...rules, version });

    // Act
    const stale = await staff.admin3.put('/v1/admin/policy', { ...rules, version, warrantyDays: 1 });

    // Assess
    expect(stale.status).toBe(409);
    expect((await staff.admin3.get('/v1/admin/policy')).json).toMatchObject({
      version: version + 1,
      warrantyDays: rules.warrantyDays,
    });
  });

  it('returns 400 listing an invalid priority matrix cell and a negative window', async () => {
    const { version: _version, ...rules } = (await staff.admin1.get('/v1/admin/policy')).json;

    const saved = await staff.admin1.put('/v1/admin/policy', {
      ...rules,
      exchangeWindowDays: -1,
      priorityMatrix: { ...rules.priorityMatrix, minor: { high: 'P3', medium: 'P4', low: 'P0' } },
    });

    expect(saved.status).toBe(400);
    expect(saved.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(
      expect.arrayContaining(['exchangeWindowDays', 'priorityMatrix.minor.low']),
    );
  });
});
