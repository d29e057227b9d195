import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../functions/domain/policy/store-policy.js';
import { validate } from '../../../functions/http/validation.js';
import {
  createAgentBodySchema,
  policyBodySchema,
  updateAgentBodySchema,
} from '../../../functions/schemas/admin-requests.js';
import { invalidPaths } from './invalid-paths.js';

const agent = (overrides: Record<string, unknown> = {}) => ({
  agentId: 'agent9',
  name: 'Wang Fang',
  email: 'agent9@store-a.example',
  skills: { types: ['return', 'repair'], categories: ['appliances'], locales: ['zh-CN'] },
  maxOpenCases: 10,
  available: true,
  ...overrides,
});

describe('Schema: createAgentBodySchema', () => {
  it('returns the profile as given, with a supervisor', () => {
    const body = agent({ supervisorId: 'supervisor1' });

    expect(validate(createAgentBodySchema, body, 'body')).toEqual(body);
  });

  it.each([
    ['agentId', { agentId: 'Agent 9' }],
    ['agentId', { agentId: 'me' }],
    ['agentId', { agentId: 'unassigned' }],
    ['email', { email: 'not-an-email' }],
    ['skills.types.0', { skills: { types: ['teleport'], categories: [], locales: ['en'] } }],
    ['skills.locales', { skills: { types: [], categories: [], locales: [] } }],
    ['skills.locales.0', { skills: { types: [], categories: [], locales: ['fr'] } }],
    ['skills.types', { skills: { types: ['return', 'return'], categories: [], locales: ['en'] } }],
    ['maxOpenCases', { maxOpenCases: 0 }],
    ['maxOpenCases', { maxOpenCases: 501 }],
    ['maxOpenCases', { maxOpenCases: 2.5 }],
    ['available', { available: 'yes' }],
    ['body', { openCases: 0 }],
  ])('names %s when it is invalid', (path, override) => {
    expect(invalidPaths(createAgentBodySchema, agent(override))).toContain(path);
  });

  it.each([1, 500])('accepts a capacity of %i', (maxOpenCases) => {
    expect(validate(createAgentBodySchema, agent({ maxOpenCases }), 'body').maxOpenCases).toBe(maxOpenCases);
  });
});

describe('Schema: updateAgentBodySchema', () => {
  it('rejects the agentId in the body: the path names the agent', () => {
    expect(invalidPaths(updateAgentBodySchema, agent())).toEqual(['body']);
  });

  it('returns the profile without the agentId', () => {
    const { agentId: _agentId, ...profile } = agent();

    expect(validate(updateAgentBodySchema, profile, 'body')).toEqual(profile);
  });
});

describe('Schema: policyBodySchema', () => {
  const { version: _version, ...policy } = DEFAULT_POLICY;

  it('accepts the default policy with or without the version read', () => {
    expect(validate(policyBodySchema, policy, 'body')).toEqual(policy);
    expect(validate(policyBodySchema, DEFAULT_POLICY, 'body')).toEqual(DEFAULT_POLICY);
  });

  it.each([
    ['returnWindowDays', { returnWindowDays: -1 }],
    ['exchangeWindowDays', { exchangeWindowDays: 1.5 }],
    ['warrantyDays', { warrantyDays: 3_651 }],
    ['nonReturnableCategories', { nonReturnableCategories: ['digital', 'digital'] }],
    ['evidenceRequiredTypes.0', { evidenceRequiredTypes: ['lost_parcel'] }],
    ['missingEvidence', { missingEvidence: 'ignore' }],
    ['autoApproveValueLimit', { autoApproveValueLimit: 10.001 }],
    ['highValueThreshold', { highValueThreshold: -5 }],
    ['repeatCaseThreshold', { repeatCaseThreshold: 0 }],
    ['version', { version: 0 }],
    [
      'priorityMatrix.major.low',
      { priorityMatrix: { ...policy.priorityMatrix, major: { high: 'P2', medium: 'P3', low: 'P5' } } },
    ],
    [
      'priorityMatrix.minor',
      { priorityMatrix: { critical: policy.priorityMatrix.critical, major: policy.priorityMatrix.major } },
    ],
    ['priorityMatrix', { priorityMatrix: { ...policy.priorityMatrix, catastrophic: policy.priorityMatrix.critical } }],
    ['body', { autoApproveLimit: 100 }],
  ])('names %s when it is invalid', (path, override) => {
    expect(invalidPaths(policyBodySchema, { ...policy, ...override })).toContain(path);
  });

  it('names every missing field of an empty policy', () => {
    expect(invalidPaths(policyBodySchema, {})).toEqual(
      expect.arrayContaining(Object.keys(policy).filter((field) => field !== 'version' && field !== 'missingEvidence')),
    );
  });

  it('asks for missing evidence by default, so a policy saved before the setting existed keeps working', () => {
    const { missingEvidence: _missingEvidence, ...older } = policy;

    expect(validate(policyBodySchema, older, 'body')).toEqual({ ...older, missingEvidence: 'request' });
    expect(validate(policyBodySchema, { ...older, missingEvidence: 'reject' }, 'body').missingEvidence).toBe('reject');
  });
});
