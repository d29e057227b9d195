import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../../functions/domain/operations-metrics.js';
import type { CaseChange, CaseStore } from '../../../functions/ports/case-store.js';
import type { Mailer, OutgoingEmail } from '../../../functions/ports/mailer.js';
import type { WorkJob, WorkQueue } from '../../../functions/ports/work-queue.js';
import { SCHEDULES } from '../../../functions/wiring/schedules.js';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { shiftedClock } from '../../support/shifted-clock.js';
import { caseAssignedTo, raiseCapacity, signInAll, staffView, type Staff } from '../api/staff-fixtures.js';

/**
 * The emails a staff action decides are written with the action and sent afterwards: a request that dies right after
 * its transaction, a lost queue job, a redelivered one or a rejected address never lose, repeat or loop an email.
 */
let stack: TestStack;
let staff: Staff;
const clock = shiftedClock(new Date());
/** The business metrics the deployed functions would write. */
const metrics: MetricPoint[] = [];

/** Test hooks on the case store every function writes through (methods looked up by name: any port version). */
const hooks: {
  /** The write commits, then the request dies (an error thrown after the commit, as a crashed Lambda would). */
  dieAfter?: (change: CaseChange) => boolean;
  /** Named methods fail (before doing anything) this many more times. */
  failing: Map<string, number>;
} = { failing: new Map() };

const hooked = (inner: CaseStore): CaseStore =>
  new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const name = String(property);
      return async (...args: unknown[]) => {
        const left = hooks.failing.get(name) ?? 0;
        if (left > 0) {
          hooks.failing.set(name, left - 1);
          throw new Error(`${name} failed (test)`);
        }
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (name === 'update' && hooks.dieAfter?.(args[1] as CaseChange)) {
          throw new Error('The function died right after its transaction (test)');
        }
        return result;
      };
    },
  });

beforeAll(async () => {
  // No timer: the test runs the schedules itself, at a clock it moves on.
  stack = await startTestStack({
    clock,
    scheduleEveryMs: 0,
    wrapCaseStore: hooked,
    caseMetrics: { record: (points) => metrics.push(...points) },
  });
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => stack?.stop());

/** Every declared schedule once, a minute and a bit after now, then the work it queued. */
const runSchedulesAMinuteLater = async (): Promise<void> => {
  clock.setTo(new Date(clock.now().getTime() + 61_000));
  for (const schedule of SCHEDULES) await stack.schedules.runNow(schedule.name);
  await stack.workQueue.settled();
};

const customerEmailOf = async (caseId: string): Promise<string> => (await staffView(staff, caseId)).customer.email;
const caseNumberOf = async (caseId: string): Promise<string> => (await staffView(staff, caseId)).caseNumber;

type Event = { type: string; eventId: string; details?: Record<string, unknown> };
const timelineOf = async (caseId: string): Promise<Event[]> => (await staffView(staff, caseId)).timeline as Event[];
const eventsAbout = async (caseId: string, type: string, notification: string) =>
  (await timelineOf(caseId)).filter((event) => event.type === type && event.details?.notification === notification);

const withMailer = async (mailer: Mailer, act: () => Promise<void>): Promise<void> => {
  const working = stack.dependencies.mailer;
  stack.dependencies.mailer = mailer;
  try {
    await act();
  } finally {
    stack.dependencies.mailer = working;
  }
};

describe('Email outbox: staff actions', () => {
  it('sends the reply of a request that died right after its write, once, by the sweep a minute later', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    hooks.dieAfter = (change) => change.events.some((event) => event.type === 'reply_sent');

    // Act
    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Your refund is on its way.' });
    hooks.dieAfter = undefined;
    await stack.workQueue.settled();
    await runSchedulesAMinuteLater();

    // Assess: the reply was written, and its email went out after all, once, recorded under the reply's key.
    expect(reply.status).toBeGreaterThanOrEqual(500);
    const written = (await timelineOf(caseId)).find((event) => event.type === 'reply_sent');
    expect(written).toBeDefined();
    const emails = (await emailsTo(stack, customerEmail)).filter((email) =>
      email.text.includes('Your refund is on its way.'),
    );
    expect(emails).toHaveLength(1);
    expect(await eventsAbout(caseId, 'customer_notified', `reply_${written?.eventId}`)).toHaveLength(1);
    await runSchedulesAMinuteLater();
    expect(
      (await emailsTo(stack, customerEmail)).filter((email) => email.text.includes('Your refund is on its way.')),
    ).toHaveLength(1);
  });

  it('sends the reopening of a message that died right after its write, by the sweep', async () => {
    // Prepare: a resolved case, its emails out.
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    const resolved = await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
      resolution: { type: 'guidance' },
      rootCause: 'misuse',
      summary: 'Explained.',
    });
    await stack.workQueue.settled();
    hooks.dieAfter = (change) => change.events.some((event) => event.type === 'reopened');

    // Act: the customer's message reopens the case, and the request dies right after.
    const posted = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'It broke again' },
      { apiKey: stack.apiKeys.storeA },
    );
    hooks.dieAfter = undefined;
    await stack.workQueue.settled();
    await runSchedulesAMinuteLater();

    // Assess
    expect(resolved.status).toBe(200);
    expect(posted.status).toBeGreaterThanOrEqual(500);
    expect((await staffView(staff, caseId)).round).toBe(2);
    const reopened = (await emailsTo(stack, customerEmail)).filter(
      (email) => email.tags?.notification === 'case_reopened',
    );
    expect(reopened).toHaveLength(1);
    expect(reopened[0]?.text).toContain('Wang Fang');
    expect(await eventsAbout(caseId, 'customer_notified', 'case_reopened_r2')).toHaveLength(1);
    // The case went back to agent1, who resolved it: they are told, once, with the reason and the round.
    const caseNumber = await caseNumberOf(caseId);
    const toAgent = (await emailsTo(stack, 'agent1@store-a.example')).filter(
      (email) => email.tags?.notification === 'agent_case_reopened' && email.subject.includes(caseNumber),
    );
    expect(toAgent).toHaveLength(1);
    // In the store's language (store A: zh-CN), with the link to the case's console page.
    expect(toAgent[0]?.text).toContain('收到客户的新留言，现已重新打开（第 2 轮），仍由您处理');
    expect(toAgent[0]?.text).toContain(`/console/cases/${caseId}`);
    expect(await eventsAbout(caseId, 'supervisors_notified', 'agent_reopened_r2_agent1')).toHaveLength(1);
  });

  it('sends the resolution whose send job the queue lost, by the sweep', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    const working = stack.dependencies.workQueue;
    const losing: WorkQueue = {
      enqueue: async (job: WorkJob) => {
        if ((job.kind as string) !== 'sendNotifications') await working.enqueue(job);
      },
    };
    stack.dependencies.workQueue = losing;

    // Act
    let resolved;
    try {
      resolved = await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, {
        resolution: { type: 'guidance' },
        rootCause: 'misuse',
        summary: 'Explained how to pair the remote.',
      });
    } finally {
      stack.dependencies.workQueue = working;
    }
    await stack.workQueue.settled();
    await runSchedulesAMinuteLater();

    // Assess
    expect(resolved.status).toBe(200);
    const emails = (await emailsTo(stack, customerEmail)).filter(
      (email) => email.tags?.notification === 'case_resolved',
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain('Explained how to pair the remote.');
  });

  it('leaves the reply to the sweep when the queue refuses its send job, then sends it once', async () => {
    // Prepare: the request carries no mailer; a refused job leaves the item for the sweep.
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    await stack.workQueue.settled();
    const working = stack.dependencies.workQueue;
    stack.dependencies.workQueue = {
      enqueue: async (job: WorkJob) => {
        if ((job.kind as string) === 'sendNotifications') throw new Error('Queue throttled (test)');
        await working.enqueue(job);
      },
    };

    // Act
    let reply;
    try {
      reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Sent by the sweep.' });
    } finally {
      stack.dependencies.workQueue = working;
    }
    await stack.workQueue.settled();
    const sentBeforeSweep = (await emailsTo(stack, customerEmail)).filter((email) =>
      email.text.includes('Sent by the sweep.'),
    );
    await runSchedulesAMinuteLater();
    await runSchedulesAMinuteLater();

    // Assess: answered at once, nothing sent from the request, the sweep's send once under the reply's key.
    expect(reply.status).toBe(201);
    expect(sentBeforeSweep).toEqual([]);
    expect(
      (await emailsTo(stack, customerEmail)).filter((email) => email.text.includes('Sent by the sweep.')),
    ).toHaveLength(1);
    expect(await eventsAbout(caseId, 'customer_notified', `reply_${reply.json.eventId}`)).toHaveLength(1);
  });

  it("sends a customer's cancellation whose request died right after its write, once, by the sweep", async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    await stack.workQueue.settled();
    hooks.dieAfter = (change) => change.events.some((event) => event.type === 'cancelled');

    // Act
    const cancelled = await api(stack).post(
      `/v1/cases/${caseId}/cancel`,
      { reason: 'Bought another one' },
      { apiKey: stack.apiKeys.storeA },
    );
    hooks.dieAfter = undefined;
    await stack.workQueue.settled();
    await runSchedulesAMinuteLater();
    await runSchedulesAMinuteLater();

    // Assess: cancelled, and its confirmation went out after all, once, under its key.
    expect(cancelled.status).toBeGreaterThanOrEqual(500);
    expect((await staffView(staff, caseId)).status).toBe('cancelled');
    const emails = (await emailsTo(stack, customerEmail)).filter(
      (email) => email.tags?.notification === 'case_cancelled',
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain('Bought another one');
    expect(await eventsAbout(caseId, 'customer_notified', 'case_cancelled')).toHaveLength(1);
  });

  it('sends nothing twice when the send job is delivered again after it sent and recorded the email', async () => {
    // Prepare: the job sends and records the email, then fails to clear its outbox item, so it is delivered again.
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    await stack.workQueue.settled();
    hooks.failing.set('removeOutbox', 1);

    // Act
    const reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Sent exactly once.' });
    await stack.workQueue.settled();
    const key = `reply_${reply.json.eventId}`;
    await stack.workQueue.enqueue({ kind: 'sendNotifications', caseId, keys: [key] } as unknown as WorkJob);
    await stack.workQueue.enqueue({ kind: 'sendNotifications', caseId } as unknown as WorkJob);
    await stack.workQueue.settled();
    await runSchedulesAMinuteLater();

    // Assess
    expect(reply.status).toBe(201);
    expect(hooks.failing.get('removeOutbox')).toBe(0);
    expect(
      (await emailsTo(stack, customerEmail)).filter((email) => email.text.includes('Sent exactly once.')),
    ).toHaveLength(1);
    expect(await eventsAbout(caseId, 'customer_notified', key)).toHaveLength(1);
    expect(stack.workQueue.deadLetters).toEqual([]);
  });

  it('records a rejected email as notification_failed once, with its metric, and does not try it again', async () => {
    // Prepare
    const caseId = await caseAssignedTo(stack, staff, 'agent1');
    const customerEmail = await customerEmailOf(caseId);
    const working = stack.dependencies.mailer;
    const rejecting: Mailer = {
      send: async (email: OutgoingEmail) => {
        if (email.to.includes(customerEmail)) {
          throw Object.assign(new Error('Email address is not verified'), { name: 'MessageRejected' });
        }
        return working.send(email);
      },
    };

    // The assignment's email is out before the address starts bouncing.
    await stack.workQueue.settled();
    const failuresBefore = metrics.filter((point) => point.name === 'NotificationFailures').length;

    // Act
    let reply;
    await withMailer(rejecting, async () => {
      reply = await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Nobody will read this.' });
      await stack.workQueue.settled();
      await runSchedulesAMinuteLater();
      await stack.workQueue.enqueue({ kind: 'sendNotifications', caseId } as unknown as WorkJob);
      await stack.workQueue.settled();
    });

    // Assess
    const key = `reply_${(reply as unknown as { json: { eventId: string } }).json.eventId}`;
    expect(await eventsAbout(caseId, 'notification_failed', key)).toEqual([
      expect.objectContaining({ details: { notification: key, error: 'MessageRejected' } }),
    ]);
    expect(await eventsAbout(caseId, 'customer_notified', key)).toEqual([]);
    expect(metrics.filter((point) => point.name === 'NotificationFailures').slice(failuresBefore)).toEqual([
      { name: 'NotificationFailures', unit: 'Count', value: 1 },
    ]);
    expect(stack.workQueue.deadLetters).toEqual([]);
  });
});
