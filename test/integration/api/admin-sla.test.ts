import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../../../functions/domain/sla/sla-policy.js';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { signInAll, type Staff } from './staff-fixtures.js';

let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
});
afterAll(async () => stack?.stop());

const target = (firstResponse: string, resolution: string) => ({ firstResponse, resolution });

/** What a demanding admin sends: calendar, targets and escalation only; the survey and revisit delays default. */
const essentials = (overrides: Record<string, unknown> = {}) => ({
  calendar: {
    timezone: 'Asia/Shanghai',
    weekly: {
      monday: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
      saturday: [{ start: '10:00', end: '16:00' }],
    },
    holidays: ['2026-10-01', '2026-10-02'],
    makeUpDays: ['2026-10-11'],
  },
  targets: {
    P1: target('PT30M', 'PT8H'),
    P2: target('PT2H', 'P1D'),
    P3: target('PT4H', 'P2D'),
    P4: target('P1D', 'P5D'),
  },
  escalation: { repeatEvery: 'PT1H', maxLevel: 2, warnAt: 0.5 },
  ...overrides,
});

const pathsOf = (response: { json: { error: { details: Array<{ path: string }> } } }): string[] =>
  response.json.error.details.map((detail) => detail.path);

describe('API: GET /v1/admin/sla', () => {
  it('returns the default policy, version 0, while none was saved', async () => {
    // Act
    const read = await staff.admin3.get('/v1/admin/sla');

    // Assess
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ ...DEFAULT_SLA_POLICY, version: 0 });
  });
});

describe('API: PUT /v1/admin/sla', () => {
  it('saves calendar, targets and escalation with the default delays, and a policy sent back saves the same', async () => {
    // Prepare
    const { version } = (await staff.admin1.get('/v1/admin/sla')).json;

    // Act
    const saved = await staff.admin1.put('/v1/admin/sla', { ...essentials(), version });
    const resent = await staff.admin1.put('/v1/admin/sla', saved.json);

    // Assess
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toEqual({
      ...essentials(),
      surveyDelay: DEFAULT_SLA_POLICY.surveyDelay,
      surveyReminderAfter: DEFAULT_SLA_POLICY.surveyReminderAfter,
      surveyExpiresAfter: DEFAULT_SLA_POLICY.surveyExpiresAfter,
      revisitAfter: DEFAULT_SLA_POLICY.revisitAfter,
      revisitAnswerWithin: DEFAULT_SLA_POLICY.revisitAnswerWithin,
      version: version + 1,
    });
    expect(resent.status, resent.text).toBe(200);
    expect(resent.json).toEqual({ ...saved.json, version: version + 2 });
    expect((await staff.admin1.get('/v1/admin/sla')).json).toEqual(resent.json);
  });

  it('saves an escalation without warnAt as one that never warns', async () => {
    // Act
    const saved = await staff.admin1.put(
      '/v1/admin/sla',
      essentials({ escalation: { repeatEvery: 'PT2H', maxLevel: 3 } }),
    );

    // Assess
    expect(saved.status, saved.text).toBe(200);
    expect((await staff.admin1.get('/v1/admin/sla')).json.escalation).toEqual({ repeatEvery: 'PT2H', maxLevel: 3 });
  });

  it("changes only the admin's own store's policy", async () => {
    // Prepare
    const storeB = (await staff.admin3.get('/v1/admin/sla')).json;

    // Act
    const saved = await staff.admin1.put('/v1/admin/sla', essentials({ calendar: { timezone: 'Europe/Berlin' } }));

    // Assess
    expect(saved.status, saved.text).toBe(200);
    expect((await staff.admin1.get('/v1/admin/sla')).json.calendar).toEqual({ timezone: 'Europe/Berlin' });
    expect((await staff.admin3.get('/v1/admin/sla')).json).toEqual(storeB);
  });

  it('returns 400 listing every problem with the values, by path, and changes nothing', async () => {
    // Prepare
    const before = (await staff.admin3.get('/v1/admin/sla')).json;
    const body = essentials({
      calendar: { timezone: 'Mars/Olympus_Mons', weekly: { monday: [{ start: '18:00', end: '09:00' }] } },
      escalation: { repeatEvery: 'PT1H', maxLevel: 5 },
      surveyReminderAfter: 'P20D',
    });
    body.targets.P2 = target('PT2H', 'P1W');

    // Act
    const saved = await staff.admin3.put('/v1/admin/sla', body);

    // Assess
    expect(saved.status).toBe(400);
    expect(saved.json.error.code).toBe('validation_failed');
    expect(pathsOf(saved).sort()).toEqual(
      [
        'calendar.timezone',
        'calendar.weekly.monday.0.end',
        'targets.P2.resolution',
        'escalation.maxLevel',
        'surveyExpiresAfter',
      ].sort(),
    );
    expect((await staff.admin3.get('/v1/admin/sla')).json).toEqual(before);
  });

  it.each([
    ['targets.P4', () => ({ ...essentials(), targets: { ...essentials().targets, P4: undefined } })],
    ['escalation.maxLevel', () => essentials({ escalation: { repeatEvery: 'PT1H', maxLevel: 'three' } })],
    ['escalation.maxLevel', () => essentials({ escalation: { repeatEvery: 'PT1H', maxLevel: 2.5 } })],
    ['calendar.timezone', () => essentials({ calendar: {} })],
    ['calendar.weekly', () => essentials({ calendar: { timezone: 'Asia/Shanghai', weekly: { funday: [] } } })],
    ['calendar.holidays.0', () => essentials({ calendar: { timezone: 'Asia/Shanghai', holidays: [20261001] } })],
    ['surveyDelay', () => essentials({ surveyDelay: 3600 })],
    ['body', () => essentials({ slaEnabled: true })],
  ])('returns 400 naming %s for a body of the wrong shape', async (path, body) => {
    // Act
    const saved = await staff.admin3.put('/v1/admin/sla', body());

    // Assess
    expect(saved.status).toBe(400);
    expect(saved.json.error.code).toBe('validation_failed');
    expect(pathsOf(saved)).toContain(path);
  });

  it('returns 409 for a save based on an older version, and changes nothing', async () => {
    // Prepare
    const { version } = (await staff.admin3.get('/v1/admin/sla')).json;
    const current = await staff.admin3.put('/v1/admin/sla', { ...essentials(), version });

    // Act
    const stale = await staff.admin3.put('/v1/admin/sla', { ...essentials({ surveyDelay: 'PT1H' }), version });

    // Assess
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('state_conflict');
    expect((await staff.admin3.get('/v1/admin/sla')).json).toEqual(current.json);
  });
});
