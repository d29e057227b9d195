import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { emailsAbout } from '../support/outbox.js';
import { nextShanghaiFriday, shanghaiTimeAfter, shiftedClock } from '../support/shifted-clock.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { caseOf } from '../support/stored-cases.js';
import { setSignalRecheckAfter } from '../support/store-profile.js';
import { customerView, fileCase } from '../support/storefront.js';
import { levelOf, parkedOn, reachesLevel } from '../support/workflow-waits.js';

/**
 * The SLA on the default calendar (Asia/Shanghai, Monday to Friday 09:00-18:00), with the service's clock set to a
 * Friday afternoon and moved on by the test; the workflow engine's timers stay real.
 */
const businessHoursPolicy = (firstResponse: string) =>
  slaPolicy({ firstResponse, resolution: 'P2D', repeatEvery: 'PT2H', calendar: { timezone: 'Asia/Shanghai' } });

const friday = nextShanghaiFriday('17:00:00');
const clock = shiftedClock(friday);
let stack: TestStack;
let admin: StaffApi;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  admin = await staffApi(stack, 'admin1');
  // No safety-net recheck within the test: a wait's timeout is then exactly the time to its next SLA step.
  await setSignalRecheckAfter(stack, 'store-a', 'P7D');
});
afterAll(async () => stack?.stop());

/** A P3 case (a storefront hint: major and medium under the default matrix) delivered a day before the clock's now. */
const fileCaseNow = (): Promise<string> => {
  const now = clock.now().getTime();
  return fileCase(stack, {
    severity: 'major',
    urgency: 'medium',
    orderedAt: new Date(now - 3 * 86_400_000).toISOString(),
    deliveredAt: new Date(now - 86_400_000).toISOString(),
  });
};

const escalationEmails = async (caseNumber: string) =>
  (await emailsAbout(stack, caseNumber)).filter((email) => email.tags?.notification === 'sla_escalated');

describe('Workflow: SLA on the default business calendar', () => {
  it('promises a P3 case received Friday 17:00 Asia/Shanghai its first response on Monday 12:00', async () => {
    clock.setTo(friday);
    const caseId = await fileCaseNow();
    const parked = await parkedOn(stack, caseId, 'firstResponse');

    const view = (await admin.get(`/v1/staff/cases/${caseId}`)).json;

    // One working hour on Friday (17:00-18:00), three on Monday (09:00-12:00); the ms since 17:00 carry over.
    const lateBy = Date.parse(parked.createdAt) - friday.getTime();
    const monday = shanghaiTimeAfter(friday, 3, '12:00:00').getTime() + lateBy;
    expect(view.priority).toBe('P3');
    expect(view.sla).toMatchObject({ timezone: 'Asia/Shanghai', firstResponseDueAt: new Date(monday).toISOString() });
    expect((await customerView(stack, caseId)).sla.firstResponseDueAt).toBe(new Date(monday).toISOString());
    // The workflow parks until the default policy's warning, at 75 % of the target: Monday 11:00.
    const warning = shanghaiTimeAfter(friday, 3, '11:00:00').getTime() + lateBy;
    expect(Math.abs(Date.parse(parked.workflowWait?.wakeAt as string) - warning)).toBeLessThan(2_000);
  });

  it('records a breach found after closing at once, and emails the escalation only at the next opening', async () => {
    const beforeClosing = nextShanghaiFriday('17:59:50');
    clock.setTo(beforeClosing);
    await putSlaPolicy(admin, businessHoursPolicy('PT1H'));
    const caseId = await fileCaseNow();
    await parkedOn(stack, caseId, 'firstResponse');

    // At night, the target is cut to 5 working seconds: it was due at 17:59:55, before closing.
    clock.setTo(shanghaiTimeAfter(beforeClosing, 0, '18:30:00'));
    await putSlaPolicy(admin, businessHoursPolicy('PT5S'));

    const breached = await waitFor(async () => {
      const current = await caseOf(stack.dependencies, caseId);
      const breach = current.escalation?.breaches[0];
      // Parked again after the escalation step recorded the breach.
      const parkedSince = Date.parse(current.workflowWait?.since ?? '');
      return breach && parkedSince >= Date.parse(breach.recordedAt) ? current : undefined;
    });
    const mondayOpening = shanghaiTimeAfter(beforeClosing, 3, '09:00:00').getTime();
    expect(breached.escalation?.breaches).toEqual([expect.objectContaining({ milestone: 'firstResponse' })]);
    expect(levelOf(breached, 'firstResponse')).toBe(0);
    expect(await escalationEmails(breached.caseNumber)).toEqual([]);
    expect(Math.abs(Date.parse(breached.workflowWait?.wakeAt as string) - mondayOpening)).toBeLessThan(2_000);

    // Monday morning: the level-1 email goes out (a policy save re-times the parked wait, as the timer would).
    clock.setTo(new Date(mondayOpening + 5_000));
    await putSlaPolicy(admin, businessHoursPolicy('PT5S'));
    const escalated = await reachesLevel(stack, caseId, 'firstResponse', 1);
    expect((await escalationEmails(escalated.caseNumber)).map((email) => email.to)).toEqual([
      [`${escalated.assignee?.agentId}@store-a.example`],
    ]);
  });
});
