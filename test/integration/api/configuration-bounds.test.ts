import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type ApiResponse, type TestStack } from '../../support/local-stack.js';
import { signInAll, type Staff } from './staff-fixtures.js';

/**
 * Configuration a client sends is bounded: durations from PT1S (PT0S where zero means "off") to P366D at whole-second
 * resolution, numbers finite with sane ranges and few decimals. Out of bounds is a 400 naming the field, never a 500
 * (DynamoDB refuses numbers such as 1e-300) and never a save that makes the service compute for hours. The huge
 * durations that froze the service are in test/e2e/configuration-bounds.test.ts, against a separate process.
 */
let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
});
afterAll(async () => stack?.stop());

const pathsOf = (response: ApiResponse): string[] =>
  (response.json?.error?.details ?? []).map((detail: { path: string }) => detail.path);

const expectRefused = (response: ApiResponse, path: string): void => {
  expect(response.status, response.text).toBe(400);
  expect(response.json.error.code).toBe('validation_failed');
  expect(pathsOf(response)).toContain(path);
};

const slaWith = async (admin: Staff['admin1'], change: (policy: Record<string, any>) => void) => {
  const { version: _version, ...policy } = (await admin.get('/v1/admin/sla')).json;
  const copy = structuredClone(policy);
  change(copy);
  return copy;
};

describe('API: bounded numbers', () => {
  it('refuses escalation.warnAt 1e-300 with a 400 naming the field, saving nothing', async () => {
    // Prepare
    const before = (await staff.admin1.get('/v1/admin/sla')).json;
    const body = await slaWith(staff.admin1, (policy) => (policy.escalation.warnAt = 1e-300));

    // Act
    const response = await staff.admin1.put('/v1/admin/sla', body);

    // Assess
    expectRefused(response, 'escalation.warnAt');
    expect((await staff.admin1.get('/v1/admin/sla')).json).toEqual(before);
  });

  it('refuses kpiTargets.csatMin 1e-300 with a 400 naming the field', async () => {
    // Prepare
    const { storeId: _storeId, ...profile } = (await staff.admin1.get('/v1/admin/store')).json;

    // Act
    const response = await staff.admin1.put('/v1/admin/store', {
      ...profile,
      kpiTargets: { ...profile.kpiTargets, csatMin: 1e-300 },
    });

    // Assess
    expectRefused(response, 'kpiTargets.csatMin');
  });

  it.each([1e-300, 1e308, 0.001, 123.456])(
    'refuses autoApproveValueLimit %s with a 400 naming the field',
    async (limit) => {
      // Prepare
      const { version: _version, ...rules } = (await staff.admin1.get('/v1/admin/policy')).json;

      // Act
      const response = await staff.admin1.put('/v1/admin/policy', { ...rules, autoApproveValueLimit: limit });

      // Assess
      expectRefused(response, 'autoApproveValueLimit');
    },
  );

  it('still saves a limit in cents and a share with two decimals', async () => {
    // Prepare
    const { version: _version, ...rules } = (await staff.admin1.get('/v1/admin/policy')).json;
    const { storeId: _storeId, ...profile } = (await staff.admin3.get('/v1/admin/store')).json;

    // Act
    const policy = await staff.admin1.put('/v1/admin/policy', { ...rules, autoApproveValueLimit: 1999.99 });
    const store = await staff.admin3.put('/v1/admin/store', {
      ...profile,
      kpiTargets: { ...profile.kpiTargets, csatMin: 0.85, resolutionRateMin: 0.905 },
    });

    // Assess
    expect(policy.status, policy.text).toBe(200);
    expect(policy.json.autoApproveValueLimit).toBe(1999.99);
    expect(store.status, store.text).toBe(200);
    expect(store.json.kpiTargets).toMatchObject({ csatMin: 0.85, resolutionRateMin: 0.905 });
  });
});

describe('API: bounded durations', () => {
  it.each([
    ['targets.P1.resolution', 'PT0.0001S'],
    ['targets.P2.firstResponse', 'P400D'],
    ['targets.P3.resolution', 'PT0S'],
    ['escalation.repeatEvery', 'PT0.001S'],
    ['escalation.repeatEvery', 'PT0.5S'],
    ['surveyExpiresAfter', 'P367D'],
    ['revisitAnswerWithin', 'PT8785H'],
  ])('refuses %s = %s with a 400 naming the field', async (path, duration) => {
    // Prepare
    const [first, second, third] = path.split('.') as [string, string, string?];
    const body = await slaWith(staff.admin3, (policy) => {
      if (third) policy[first][second][third] = duration;
      else if (first === 'escalation') policy.escalation[second] = duration;
      else policy[first] = duration;
    });

    // Act
    const response = await staff.admin3.put('/v1/admin/sla', body);

    // Assess
    expectRefused(response, path);
  });

  it('keeps PT0S where it means "off" or "at once", and accepts P366D and whole seconds', async () => {
    // Prepare
    const body = await slaWith(staff.admin3, (policy) => {
      policy.surveyDelay = 'PT0S';
      policy.revisitAfter = 'PT0S';
      policy.surveyExpiresAfter = 'P366D';
      policy.escalation.repeatEvery = 'PT1S';
      policy.targets.P4.resolution = 'P200D';
    });

    // Act
    const response = await staff.admin3.put('/v1/admin/sla', body);

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ surveyDelay: 'PT0S', revisitAfter: 'PT0S', surveyExpiresAfter: 'P366D' });
  });

  it("refuses a target that cannot end within two years of the calendar's working time", async () => {
    // Prepare: one working hour a week; 200 working hours are almost four years of it.
    const body = await slaWith(staff.admin3, (policy) => {
      policy.calendar = { timezone: 'Asia/Shanghai', weekly: { monday: [{ start: '09:00', end: '10:00' }] } };
      policy.targets.P4.resolution = 'PT200H';
    });

    // Act
    const response = await staff.admin3.put('/v1/admin/sla', body);

    // Assess
    expectRefused(response, 'targets.P4.resolution');
  });

  it('refuses a key overlap past its bound', async () => {
    // Act
    const tooLong = await staff.admin3.post('/v1/admin/store/api-keys', { overlap: 'PT99999999999999999999H' });

    // Assess
    expectRefused(tooLong, 'overlap');
  });
});
