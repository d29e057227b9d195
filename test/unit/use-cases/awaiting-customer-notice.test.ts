import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import type { Store } from '../../../functions/domain/store.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import type { Mailer, OutgoingEmail } from '../../../functions/ports/mailer.js';
import type { StoreDirectory } from '../../../functions/ports/store-directory.js';
import { notifyAwaitingCustomer } from '../../../functions/use-cases/notifications/customer-notices.js';
import { returnRequest } from '../../support/case-requests.js';

const now = new Date('2026-11-24T08:30:00.000Z');
const agent = { kind: 'staff', id: 'agent1', name: 'Wang Fang' } as const;

const store: Store = {
  storeId: 'store-a',
  name: 'Store A',
  timezone: 'Asia/Shanghai',
  defaultLocale: 'zh-CN',
  supervisorEmails: [],
  caseNumberPrefix: 'AS',
  reviewReminderAfter: 'P1D',
};

const awaiting: Case = {
  ...returnRequest({ customer: { id: 'c-42', email: 'li.lei@example.com', name: 'Li Lei', locale: 'en' } }),
  caseId: 'cs_01KAVJ5ZP2M7B4WQ3E8D6H9C1N',
  caseNumber: 'AS-20261124-0001',
  storeId: 'store-a',
  status: 'awaiting_customer',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
};

/** The timeline a status change has just read, with its own event appended. */
const timeline = [
  timelineEvent(awaiting.caseId, new Date(now.getTime() - 120_000), 'reply_sent', agent, {
    details: { body: 'Old question', authorName: 'Wang Fang' },
  }),
  timelineEvent(awaiting.caseId, new Date(now.getTime() - 60_000), 'reply_sent', agent, {
    details: { body: 'Please send a photo of the base.', authorName: 'Wang Fang' },
  }),
  timelineEvent(awaiting.caseId, now, 'note_added', agent, { visibility: 'internal', details: { body: 'Seal?' } }),
  timelineEvent(awaiting.caseId, now, 'status_changed', agent, { from: 'in_progress', to: 'awaiting_customer' }),
];

const ports = () => {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    cases: { getWithTimeline: vi.fn(), update: vi.fn(async () => undefined) },
    dependencies: {
      stores: { getStore: async () => store } as unknown as StoreDirectory,
      mailer: {
        send: async (email: OutgoingEmail) => {
          sent.push(email);
          return { messageId: `m-${sent.length}` };
        },
      } satisfies Mailer,
      clock: { now: () => now },
    },
  };
};

describe('Function: notifyAwaitingCustomer', () => {
  it('quotes the latest public reply from the timeline it is given, without reading the case again', async () => {
    // Prepare
    const { sent, cases, dependencies } = ports();

    // Act
    await notifyAwaitingCustomer(
      { ...dependencies, cases: cases as unknown as CaseStore },
      { ...awaiting },
      'ev_wait3',
      timeline,
    );

    // Assess
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(['li.lei@example.com']);
    expect(sent[0]?.text).toContain('> Please send a photo of the base.');
    expect(sent[0]?.text).not.toContain('Old question');
    expect(sent[0]?.text).not.toContain('Seal?');
    expect(cases.getWithTimeline).not.toHaveBeenCalled();
    expect(cases.update).toHaveBeenCalledWith(
      expect.objectContaining({ caseId: awaiting.caseId }),
      expect.objectContaining({ addNotificationsSent: ['awaiting_customer_ev_wait3'] }),
    );
  });
});
