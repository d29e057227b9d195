import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, Locale } from '../../../functions/domain/case.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { Mailer } from '../../../functions/ports/mailer.js';
import {
  notifyAssigned,
  notifyAwaitingCustomer,
  notifyCancelled,
  notifyReply,
  notifyResolved,
  notifyUnassigned,
  type MailDependencies,
} from '../../../functions/use-cases/notifications/customer-notices.js';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import { openCase, putCase } from '../store/dynamodb-fixture.js';

/** The work-stage notices on the real local stack: DynamoDB Local for the case and timeline, the outbox for email. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

let customers = 0;
const ASSIGNED_AT = '2026-11-22T08:00:00.000Z';

/** A stored case of a customer of its own (so the outbox can be read per test), with the fields a notice reads. */
const storedCase = async (overrides: Partial<Case> = {}, locale: Locale = 'en'): Promise<Case> => {
  customers += 1;
  const value = openCase('store-a', {
    customer: {
      id: `c-notice-${customers}`,
      email: `notice-${customers}-${Date.now()}@example.com`,
      name: 'Li Lei',
      locale,
    },
    status: 'assigned',
    assignee: { agentId: 'agent1', name: 'Wang Fang', assignedAt: ASSIGNED_AT, assignedBy: 'assignment' },
    classification: {
      severity: 'major',
      urgency: 'high',
      priority: 'P2',
      severityRule: 'type_default',
      urgencyRule: 'high_order_value',
      classifiedAt: ASSIGNED_AT,
      classifiedBy: 'rules',
    },
    ...overrides,
  });
  return putCase(stack.dependencies, value);
};

/** The emails about this case: its customer's (one address per test), or the supervisors' naming its id. */
const sentFor = async (value: Case, supervisors: boolean) =>
  supervisors
    ? (await emailsTo(stack, 'supervisor1@store-a.example')).filter((email) => email.text.includes(value.caseId))
    : emailsTo(stack, value.customer.email);

const resolution = {
  type: 'refund' as const,
  amount: 199,
  currency: 'CNY',
  rootCause: 'production_quality' as const,
  summary: 'The refund went to your card.',
  resolvedAt: ASSIGNED_AT,
  resolvedBy: 'agent1',
};

interface NoticeCase {
  notice: string;
  /** Fields of the case the notice announces. */
  fields: Partial<Case>;
  send: (dependencies: MailDependencies, value: Case) => Promise<void>;
  key: (value: Case) => string;
  supervisors?: boolean;
  /** In the email's text. */
  says: string[];
}

const NOTICES: NoticeCase[] = [
  {
    notice: 'notifyAssigned',
    fields: {},
    send: notifyAssigned,
    key: () => `case_assigned_agent1_${ASSIGNED_AT}`,
    says: ['Handled by: Wang Fang'],
  },
  {
    notice: 'notifyReply',
    fields: { status: 'in_progress' },
    send: (dependencies, value) =>
      notifyReply(dependencies, value, {
        replyEventId: 'ev_reply1',
        body: 'Please send a photo.',
        authorName: 'Wang Fang',
      }),
    key: () => 'reply_ev_reply1',
    says: ['Wang Fang has replied', '> Please send a photo.'],
  },
  {
    notice: 'notifyAwaitingCustomer',
    fields: { status: 'awaiting_customer' },
    send: (dependencies, value) => notifyAwaitingCustomer(dependencies, value, 'ev_wait1'),
    key: () => 'awaiting_customer_ev_wait1',
    says: ['we need some information from you'],
  },
  {
    notice: 'notifyResolved',
    fields: { status: 'resolved', resolution },
    send: notifyResolved,
    key: () => 'case_resolved',
    says: ['Outcome: Refund', 'Amount: CN¥199.00', '> The refund went to your card.'],
  },
  {
    notice: 'notifyCancelled',
    fields: {
      status: 'cancelled',
      cancellation: { reason: 'Found a solution myself', cancelledAt: ASSIGNED_AT, cancelledBy: 'customer' },
    },
    send: notifyCancelled,
    key: () => 'case_cancelled',
    says: ['> Found a solution myself'],
  },
  {
    notice: 'notifyUnassigned',
    fields: { status: 'open', assignee: undefined },
    send: notifyUnassigned,
    key: () => 'case_unassigned',
    supervisors: true,
    // The supervisors of store A read zh-CN, the store's default locale.
    says: ['优先级：P2', '申请类型：退货'],
  },
];

describe('Function: customer notices', () => {
  it.each(NOTICES)('$notice sends its email once and records it on the case', async (notice) => {
    // Prepare
    const value = await storedCase(notice.fields);

    // Act
    await notice.send(stack.dependencies, value);
    await notice.send(stack.dependencies, await caseOf(stack.dependencies, value.caseId));

    // Assess
    const sent = await sentFor(value, notice.supervisors ?? false);
    expect(sent).toHaveLength(1);
    for (const phrase of notice.says) expect(sent[0]?.text).toContain(phrase);
    expect(sent[0]?.subject).toContain(value.caseNumber);
    expect((await caseOf(stack.dependencies, value.caseId)).notificationsSent).toEqual([notice.key(value)]);
    expect(await timelineOf(stack.dependencies, value.caseId)).toContainEqual(
      expect.objectContaining({
        type: notice.supervisors ? 'supervisors_notified' : 'customer_notified',
        visibility: notice.supervisors ? 'internal' : 'public',
        details: { notification: notice.key(value) },
      }),
    );
  });

  it('quotes the latest public reply in the awaiting-customer email', async () => {
    // Prepare
    const value = await storedCase({ status: 'awaiting_customer' }, 'zh-CN');
    const reply = (body: string, at: Date) =>
      timelineEvent(
        value.caseId,
        at,
        'reply_sent',
        { kind: 'staff', id: 'agent1', name: 'Wang Fang' },
        {
          details: { body, authorName: 'Wang Fang' },
        },
      );
    await stack.dependencies.cases.update(value, {
      events: [reply('Old question', new Date(Date.now() - 60_000)), reply('请提供底座的照片。', new Date())],
    });

    // Act
    await notifyAwaitingCustomer(stack.dependencies, value, 'ev_wait2');

    // Assess
    const [email] = await emailsTo(stack, value.customer.email);
    expect(email?.text).toContain('我们最近的留言：\n\n> 请提供底座的照片。');
    expect(email?.text).not.toContain('Old question');
  });

  it('sends a new assignment email when the case is assigned again', async () => {
    // Prepare
    const value = await storedCase();
    await notifyAssigned(stack.dependencies, value);
    const reassigned: Case = {
      ...(await caseOf(stack.dependencies, value.caseId)),
      assignee: {
        agentId: 'agent2',
        name: 'Zhao Min',
        assignedAt: '2026-11-23T08:00:00.000Z',
        assignedBy: 'supervisor1',
      },
    };

    // Act
    await notifyAssigned(stack.dependencies, reassigned);

    // Assess
    const emails = await emailsTo(stack, value.customer.email);
    expect(emails.map((email) => email.text.includes('Handled by: Zhao Min'))).toEqual([true, false]);
    expect((await caseOf(stack.dependencies, value.caseId)).notificationsSent).toEqual([
      `case_assigned_agent1_${ASSIGNED_AT}`,
      'case_assigned_agent2_2026-11-23T08:00:00.000Z',
    ]);
  });

  it.each(NOTICES)(
    '$notice records notification_failed and does not throw when the mail service fails',
    async (notice) => {
      // Prepare
      const value = await storedCase(notice.fields);
      const failing: Mailer = {
        send: async () => {
          const error = new Error(`Address ${value.customer.email} rejected`);
          error.name = 'MessageRejected';
          throw error;
        },
      };

      // Act
      const sending = notice.send({ ...stack.dependencies, mailer: failing }, value);

      // Assess
      await expect(sending).resolves.toBeUndefined();
      expect((await caseOf(stack.dependencies, value.caseId)).notificationsSent).toBeUndefined();
      const timeline = await timelineOf(stack.dependencies, value.caseId);
      const failed = timeline.filter((event) => event.type === 'notification_failed');
      expect(failed).toEqual([
        expect.objectContaining({
          visibility: 'internal',
          details: { notification: notice.key(value), error: 'MessageRejected' },
        }),
      ]);
      expect(JSON.stringify(timeline)).not.toContain(value.customer.email);
    },
  );

  it('records notification_failed when the case’s store has no profile', async () => {
    // Prepare
    const value = await storedCase({ storeId: 'store-without-profile' });

    // Act
    await notifyAssigned(stack.dependencies, value);

    // Assess
    const failed = (await timelineOf(stack.dependencies, value.caseId)).find(
      (event) => event.type === 'notification_failed',
    );
    expect(failed?.details).toEqual({
      notification: `case_assigned_agent1_${ASSIGNED_AT}`,
      error: 'StoreMissingError',
    });
    expect(await emailsTo(stack, value.customer.email)).toEqual([]);
  });
});
