import { describe, expect, it } from 'vitest';
import {
  awaitingCustomerPlanOf,
  awaitingCustomerRulesOf,
  awaitingSince,
  planAwaitingCustomer,
  reminderKeyOf,
  unansweredSummary,
  type AwaitingCustomerPlan,
  type AwaitingCustomerRules,
} from '../../../functions/domain/awaiting-customer.js';
import type { TimelineEvent } from '../../../functions/domain/timeline.js';

const since = new Date('2026-11-02T10:00:00Z');
const at = (offset: string): Date => new Date(since.getTime() + Number.parseFloat(offset) * 86_400_000);
const rules: AwaitingCustomerRules = { reminderAfter: 'P3D', limit: 'P7D', outcome: 'resolve_no_action' };

describe('Function: planAwaitingCustomer', () => {
  it.each<[string, Partial<Parameters<typeof planAwaitingCustomer>[0]>, AwaitingCustomerPlan]>([
    ['not awaiting: nothing', { since: undefined }, {}],
    ['before the reminder: wake at it', { now: at('1') }, { since, wakeAt: at('3') }],
    ['at the reminder: remind, then wake at the limit', { now: at('3') }, { since, due: 'remind', wakeAt: at('7') }],
    ['reminded: wake at the limit', { now: at('4'), reminded: true }, { since, wakeAt: at('7') }],
    ['at the limit: resolve as no action', { now: at('7'), reminded: true }, { since, due: 'resolve_no_action' }],
    [
      'at the limit, flagging store: flag',
      { now: at('8'), reminded: true, rules: { ...rules, outcome: 'flag' } },
      { since, due: 'flag' },
    ],
    [
      'flagged already: nothing more, no wake',
      { now: at('9'), reminded: true, flagged: true, rules: { ...rules, outcome: 'flag' } },
      { since },
    ],
    ['the limit passed unreminded: the outcome alone', { now: at('7.5') }, { since, due: 'resolve_no_action' }],
    [
      'a reminder at or after the limit is never sent',
      { now: at('2'), rules: { ...rules, reminderAfter: 'P7D' } },
      { since, wakeAt: at('7') },
    ],
    [
      'compressed durations (seconds) work alike',
      { now: new Date(since.getTime() + 3_000), rules: { ...rules, reminderAfter: 'PT3S', limit: 'PT6S' } },
      { since, due: 'remind', wakeAt: new Date(since.getTime() + 6_000) },
    ],
  ])('%s', (_name, input, expected) => {
    expect(planAwaitingCustomer({ since, rules, reminded: false, flagged: false, now: at('0'), ...input })).toEqual(
      expected,
    );
  });
});

const statusChange = (atIso: string, from: string, to: string): TimelineEvent => ({
  caseId: 'cs_1',
  eventId: `ev_${atIso}`,
  at: atIso,
  type: 'status_changed',
  actor: { kind: 'staff' },
  visibility: 'public',
  from,
  to,
});

describe('Function: awaitingSince', () => {
  const timeline = [
    statusChange('2026-11-01T10:00:00.000Z', 'in_progress', 'awaiting_customer'),
    statusChange('2026-11-01T12:00:00.000Z', 'awaiting_customer', 'in_progress'),
    statusChange('2026-11-02T10:00:00.000Z', 'in_progress', 'awaiting_customer'),
  ];

  it('is the start of the current wait, not an earlier one', () => {
    expect(awaitingSince({ status: 'awaiting_customer' }, timeline)).toEqual(since);
  });

  it('is undefined when the case does not await the customer', () => {
    expect(awaitingSince({ status: 'in_progress' }, timeline)).toBeUndefined();
  });
});

describe('Function: awaitingCustomerPlanOf', () => {
  const timeline = [statusChange(since.toISOString(), 'in_progress', 'awaiting_customer')];
  const store = {};

  it('counts the reminder of this wait as sent, not one of an earlier wait', () => {
    const sent = { status: 'awaiting_customer' as const, notificationsSent: [reminderKeyOf(since)] };
    const earlier = { status: 'awaiting_customer' as const, notificationsSent: [reminderKeyOf(at('-5'))] };

    expect(awaitingCustomerPlanOf(sent, timeline, store, at('4')).due).toBeUndefined();
    expect(awaitingCustomerPlanOf(earlier, timeline, store, at('4')).due).toBe('remind');
  });

  it('counts a failed reminder as the one attempt (a mail outage does not loop the wait)', () => {
    const failed: TimelineEvent = {
      ...statusChange(at('3').toISOString(), '', ''),
      type: 'notification_failed',
      details: { notification: reminderKeyOf(since), error: 'MessageRejected' },
    };
    expect(awaitingCustomerPlanOf({ status: 'awaiting_customer' }, [...timeline, failed], store, at('4'))).toEqual({
      since,
      wakeAt: at('7'),
    });
  });

  it('holds a flag only for the wait it was raised in', () => {
    const flagged = {
      status: 'awaiting_customer' as const,
      customerWaitFlag: { since: since.toISOString(), flaggedAt: '' },
    };
    const flagStore = { awaitingCustomerOutcome: 'flag' as const };

    expect(awaitingCustomerPlanOf(flagged, timeline, flagStore, at('8')).due).toBeUndefined();
    expect(
      awaitingCustomerPlanOf(
        { ...flagged, customerWaitFlag: { since: at('-9').toISOString(), flaggedAt: '' } },
        timeline,
        flagStore,
        at('8'),
      ).due,
    ).toBe('flag');
  });
});

describe('Function: awaitingCustomerRulesOf', () => {
  it('defaults to a reminder after 3 days and resolving as no action after 7', () => {
    expect(awaitingCustomerRulesOf({})).toEqual({ reminderAfter: 'P3D', limit: 'P7D', outcome: 'resolve_no_action' });
  });

  it('takes the store settings', () => {
    expect(
      awaitingCustomerRulesOf({
        awaitingCustomerReminderAfter: 'P1D',
        awaitingCustomerLimit: 'P14D',
        awaitingCustomerOutcome: 'flag',
      }),
    ).toEqual({ reminderAfter: 'P1D', limit: 'P14D', outcome: 'flag' });
  });
});

describe('Function: unansweredSummary', () => {
  it.each([
    ['P7D', 'zh-CN', '7 天内未收到'],
    ['P7D', 'en', 'within 7 days'],
    ['P1D', 'en', 'within 1 day,'],
    ['PT6S', 'en', 'within PT6S'],
  ] as const)('says %s in %s', (limit, locale, expected) => {
    expect(unansweredSummary(limit, locale)).toContain(expected);
  });
});
