import { MessageRejected } from '@aws-sdk/client-sesv2';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { logger } from '../../functions/commons/logger.js';
import type { TimelineEvent } from '../../functions/domain/timeline.js';
import { decideManualReview } from '../../functions/use-cases/decide-manual-review.js';
import type { OutgoingEmail } from '../../functions/ports/mailer.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { executionEnded, parkedOn } from '../support/workflow-waits.js';

/**
 * The SES sandbox on the real ASL file, the real task handlers and DynamoDB Local: the mailer rejects every email with
 * a non-transient error naming the address, as SES does for an unverified recipient. No case may stop for it.
 */
let stack: TestStack;
let sending: MockInstance<(email: OutgoingEmail) => Promise<{ messageId: string }>>;
let logged: MockInstance[];

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

beforeEach(() => {
  sending = vi.spyOn(stack.outbox, 'send').mockImplementation(async (email) => {
    throw new MessageRejected({
      message: `Email address is not verified. The following identities failed the check: ${email.to.join(', ')}`,
      $metadata: { httpStatusCode: 400 },
    });
  });
  logged = [vi.spyOn(logger, 'error'), vi.spyOn(logger, 'warn'), vi.spyOn(logger, 'info')];
});
afterEach(() => {
  sending.mockRestore();
  for (const spy of logged) spy.mockRestore();
});

const expensive = { items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }] };
const reviewer = { kind: 'staff' as const, id: 'supervisor1', name: 'Supervisor One' };

let customers = 0;
const sandboxCustomer = () => {
  customers += 1;
  const email = `sandbox-${customers}-${Date.now()}@example.com`;
  return { email, customer: { id: `c-sandbox-${customers}`, email, name: 'Sandbox Customer', locale: 'en' as const } };
};

const failedNotices = (timeline: TimelineEvent[]) => timeline.filter((event) => event.type === 'notification_failed');

/** What the case, its timeline and the logs must never carry: the address, or SES's own message about it. */
const expectNoAddressOrRawCause = (timeline: TimelineEvent[], email: string) => {
  expect(JSON.stringify(timeline)).not.toContain(email);
  expect(JSON.stringify(timeline)).not.toContain('identities failed');
  const logs = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
  expect(logs).toContain('Notification failed');
  expect(logs).not.toContain(email);
  expect(logs).not.toContain('identities failed');
};

describe('Workflow: every email rejected (MessageRejected, the SES sandbox)', () => {
  it('still opens, classifies, assigns and times an approved case, recording each failed email', async () => {
    const { email, customer } = sandboxCustomer();
    const caseId = await fileCase(stack, { customer });

    const assigned = await parkedOn(stack, caseId, 'firstResponse');

    expect(assigned).toMatchObject({
      status: 'assigned',
      classification: { priority: expect.any(String) },
      assignee: { agentId: expect.any(String) },
      deadlines: { firstResponseDueAt: expect.any(String), resolutionDueAt: expect.any(String) },
      workflowWait: { signal: 'firstResponse', wakeAt: expect.any(String) },
    });
    expect(assigned.workflowFailure).toBeUndefined();
    expect(assigned.notificationsSent ?? []).toEqual([]);
    expect((await stack.engine.getExecution(caseId))?.status).toBe('RUNNING');
    const timeline = await timelineOf(stack.dependencies, caseId);
    expect(timeline.map((event) => event.type)).not.toContain('workflow_failed');
    expect(failedNotices(timeline).map((event) => event.details)).toEqual(
      expect.arrayContaining([
        // The acknowledgement names the agent: one email for the opening and the assignment.
        { notification: 'case_acknowledged', error: 'MessageRejected' },
      ]),
    );
    expect(failedNotices(timeline).every((event) => event.visibility === 'internal')).toBe(true);
    // Not transient: each email was tried once, not retried.
    expect(sending.mock.calls.filter(([sent]) => sent.to.includes(email))).toHaveLength(1);
    expectNoAddressOrRawCause(timeline, email);
  });

  it('still takes a case through its manual review and on to an agent when the review emails are rejected', async () => {
    const { email, customer } = sandboxCustomer();
    const caseId = await fileCase(stack, { ...expensive, customer });
    await parkedOn(stack, caseId, 'review');

    await decideManualReview(stack.dependencies, { caseId, storeId: 'store-a', approve: true, reason: 'ok', reviewer });

    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    expect(assigned).toMatchObject({ status: 'assigned', classification: { priority: expect.any(String) } });
    const timeline = await timelineOf(stack.dependencies, caseId);
    expect(failedNotices(timeline).map((event) => event.details?.notification)).toEqual(
      expect.arrayContaining(['case_under_review', 'review_requested', 'case_acknowledged']),
    );
    expectNoAddressOrRawCause(timeline, email);
  });

  it('still ends a rejected case as rejected (not failed) when the rejection email is refused', async () => {
    const { email, customer } = sandboxCustomer();
    const caseId = await fileCase(stack, { customer }, { deliveredDaysAgo: 35 });

    const execution = await executionEnded(stack, caseId);

    expect(execution.status).toBe('SUCCEEDED');
    expect((await caseOf(stack.dependencies, caseId)).status).toBe('rejected');
    const timeline = await timelineOf(stack.dependencies, caseId);
    expect(failedNotices(timeline).map((event) => event.details)).toEqual([
      { notification: 'case_rejected', error: 'MessageRejected' },
    ]);
    expectNoAddressOrRawCause(timeline, email);
  });
});
