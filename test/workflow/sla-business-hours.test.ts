import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import type { Case } from '../../functions/domain/case.js';
import { returnRequest } from '../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { nextShanghaiFriday, shanghaiTimeAfter, shiftedClock } from '../support/shifted-clock.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';

/**
 * The SLA on the default calendar (Asia/Shanghai, Monday to Friday 09:00-18:00), with the service's clock set to a
 * Friday afternoon and moved on by the test; the workflow engine's timers stay real.
 */
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const DEFAULT_CALENDAR = { timezone: 'Asia/Shanghai' };

const slaPolicy = (firstResponse: string) => ({
  calendar: DEFAULT_CALENDAR,
  targets: Object.fromEntries(PRIORITIES.map((priority) => [priority, { firstResponse, resolution: 'P2D' }])),
  escalation: { repeatEvery: 'PT2H', maxLevel: 3 },
});

const friday = nextShanghaiFriday('17:00:00');
const clock = shiftedClock(friday);
let stack: TestStack;
let admin: StaffApi;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  admin = await staffApi(stack, 'admin1');
  // No safety-net recheck within the test: a wait's timeout is then exactly the time to its next SLA step.
  await createDocumentClient({ endpoint: stack.dynamoDb.endpoint }).send(
    new UpdateCommand({
      TableName: stack.tables.stores,
      Key: { pk: 'STORE#store-a', sk: 'PROFILE' },
      UpdateExpression: 'SET signalRecheckAfter = :recheck',
      ExpressionAttributeValues: { ':recheck': 'P7D' },
    }),
  );
});
afterAll(async () => stack?.stop());

const fileCaseNow = async (): Promise<string> => {
  const now = clock.now().getTime();
  // A storefront hint: major and medium is P3 under the default matrix.
  const request = returnRequest({
    severity: 'major',
    urgency: 'medium',
    orderedAt: new Date(now - 3 * 86_400_000).toISOString(),
    deliveredAt: new Date(now - 86_400_000).toISOString(),
  });
  const response = await api(stack).post('/v1/cases', request, { apiKey: stack.apiKeys.storeA });
  expect(response.status, response.text).toBe(201);
  return response.json.caseId as string;
};

const caseOf = async (caseId: string): Promise<Case> => {
  const found = await stack.dependencies.cases.get(caseId);
  if (!found) throw new Error(`No case ${caseId}`);
  return found;
};

const parkedOnFirstResponse = (caseId: string) =>
  waitFor(async () => {
    const current = await caseOf(caseId);
    return current.workflowWait?.signal === 'firstResponse' ? current : undefined;
  });

const escalationEmails = async (caseNumber: string) =>
  (await stack.outbox.list()).filter(
    (email) => email.subject.includes(caseNumber) && email.tags?.notification === 'sla_escalated',
  );

describe('Workflow: SLA on the default business calendar', () => {
  it('promises a P3 case received Friday 17:00 Asia/Shanghai its first response on Monday 12:00', async () => {
    clock.setTo(friday);
    const caseId = await fileCaseNow();
    const parked = await parkedOnFirstResponse(caseId);

    const view = (await admin.get(`/v1/staff/cases/${caseId}`)).json;

    // One working hour on Friday (17:00-18:00), three on Monday (09:00-12:00); the ms since 17:00 carry over.
    const lateBy = Date.parse(parked.createdAt) - friday.getTime();
    const monday = shanghaiTimeAfter(friday, 3, '12:00:00').getTime() + lateBy;
    expect(view.priority).toBe('P3');
    expect(view.sla).toMatchObject({ timezone: 'Asia/Shanghai', firstResponseDueAt: new Date(monday).toISOString() });
    const customerView = (await api(stack).get(`/v1/cases/${caseId}`, { apiKey: stack.apiKeys.storeA })).json;
    expect(customerView.sla.firstResponseDueAt).toBe(new Date(monday).toISOString());
    // The workflow parks until the default policy's warning, at 75 % of the target: Monday 11:00.
    const warning = shanghaiTimeAfter(friday, 3, '11:00:00').getTime() + lateBy;
    expect(Math.abs(Date.parse(parked.workflowWait?.wakeAt as string) - warning)).toBeLessThan(2_000);
  });

  it('records a breach found after closing at once, and emails the escalation only at the next opening', async () => {
    const beforeClosing = nextShanghaiFriday('17:59:50');
    clock.setTo(beforeClosing);
    expect((await admin.put('/v1/admin/sla', slaPolicy('PT1H'))).status).toBe(200);
    const caseId = await fileCaseNow();
    await parkedOnFirstResponse(caseId);

    // At night, the target is cut to 5 working seconds: it was due at 17:59:55, before closing.
    clock.setTo(shanghaiTimeAfter(beforeClosing, 0, '18:30:00'));
    expect((await admin.put('/v1/admin/sla', slaPolicy('PT5S'))).status).toBe(200);

    const breached = await waitFor(async () => {
      const current = await caseOf(caseId);
      const breach = current.escalation?.breaches[0];
      // Parked again after the escalation step recorded the breach.
      const parkedSince = Date.parse(current.workflowWait?.since ?? '');
      return breach && parkedSince >= Date.parse(breach.recordedAt) ? current : undefined;
    });
    const mondayOpening = shanghaiTimeAfter(beforeClosing, 3, '09:00:00').getTime();
    expect(breached.escalation?.breaches).toEqual([expect.objectContaining({ milestone: 'firstResponse' })]);
    expect(breached.escalation?.ladders.firstResponse?.level ?? 0).toBe(0);
    expect(await escalationEmails(breached.caseNumber)).toEqual([]);
    expect(Math.abs(Date.parse(breached.workflowWait?.wakeAt as string) - mondayOpening)).toBeLessThan(2_000);

    // Monday morning: the level-1 email goes out (a policy save re-times the parked wait, as the timer would).
    clock.setTo(new Date(mondayOpening + 5_000));
    expect((await admin.put('/v1/admin/sla', slaPolicy('PT5S'))).status).toBe(200);
    const escalated = await waitFor(async () => {
      const current = await caseOf(caseId);
      return (current.escalation?.ladders.firstResponse?.level ?? 0) >= 1 ? current : undefined;
    });
    expect((await escalationEmails(escalated.caseNumber)).map((email) => email.to)).toEqual([
      [`${escalated.assignee?.agentId}@store-a.example`],
    ]);
  });
});
