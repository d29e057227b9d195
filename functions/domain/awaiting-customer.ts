import type { Case, Locale } from './case.js';
import { durationToSeconds } from './duration.js';
import { clockPausesFrom } from './sla/clock-pauses.js';
import type { AwaitingCustomerOutcome, Store } from './store.js';
import type { TimelineEvent } from './timeline.js';

/**
 * A case parked in `awaiting_customer` stops the resolution clock, so nothing would ever escalate it: an agent could
 * park a case there for good. The store bounds the wait (elapsed time, not business time: the customer's days count,
 * not the team's): after `reminderAfter` the customer is reminded once; at `limit` the case is resolved as `no_action`
 * (`resolve_no_action`, the default) or flagged for the supervisors (`flag`). A new wait (the customer answered, staff
 * asked again) starts both anew.
 */

export interface AwaitingCustomerRules {
  reminderAfter: string;
  limit: string;
  outcome: AwaitingCustomerOutcome;
}

export const DEFAULT_AWAITING_CUSTOMER_RULES: AwaitingCustomerRules = {
  reminderAfter: 'P3D',
  limit: 'P7D',
  outcome: 'resolve_no_action',
};

export const awaitingCustomerRulesOf = (
  store: Pick<Store, 'awaitingCustomerReminderAfter' | 'awaitingCustomerLimit' | 'awaitingCustomerOutcome'>,
): AwaitingCustomerRules => ({
  reminderAfter: store.awaitingCustomerReminderAfter ?? DEFAULT_AWAITING_CUSTOMER_RULES.reminderAfter,
  limit: store.awaitingCustomerLimit ?? DEFAULT_AWAITING_CUSTOMER_RULES.limit,
  outcome: store.awaitingCustomerOutcome ?? DEFAULT_AWAITING_CUSTOMER_RULES.outcome,
});

export type AwaitingCustomerAction = 'remind' | AwaitingCustomerOutcome;

export interface AwaitingCustomerPlan {
  /** When the current wait began (absent: the case does not await the customer). */
  since?: Date;
  /** What to do now. */
  due?: AwaitingCustomerAction;
  /** When the next step falls due (absent: nothing more, or no wait). */
  wakeAt?: Date;
}

/** The notification key of the one reminder of the wait that began at `since`. */
export const reminderKeyOf = (since: Date): string => `awaiting_customer_reminder_${since.toISOString()}`;

/** When the case entered its current wait for the customer, from the timeline (the open pause), if it waits. */
export const awaitingSince = (
  value: Pick<Case, 'status'>,
  timeline: ReadonlyArray<Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to'>>,
): Date | undefined => {
  if (value.status !== 'awaiting_customer') return undefined;
  const open = clockPausesFrom(timeline).find((pause) => pause.to === undefined);
  return open?.from;
};

const after = (since: Date, duration: string): Date => new Date(since.getTime() + durationToSeconds(duration) * 1000);

/**
 * The timing rule: the reminder at `since + reminderAfter` unless sent; the outcome at `since + limit` unless taken (a
 * flag is taken once per wait; a resolution ends the wait). A limit reached before the reminder went out takes the
 * outcome alone: the customer is not reminded of a wait that is over.
 */
export const planAwaitingCustomer = (input: {
  since: Date | undefined;
  rules: AwaitingCustomerRules;
  reminded: boolean;
  flagged: boolean;
  now: Date;
}): AwaitingCustomerPlan => {
  const { since, rules, reminded, flagged, now } = input;
  if (!since) return {};
  const remindAt = after(since, rules.reminderAfter);
  const limitAt = after(since, rules.limit);
  if (now >= limitAt) return flagged ? { since } : { since, due: rules.outcome };
  if (!reminded && remindAt < limitAt) {
    return now >= remindAt ? { since, due: 'remind', wakeAt: limitAt } : { since, wakeAt: remindAt };
  }
  return { since, wakeAt: limitAt };
};

/** The plan for a case as read with its timeline. */
export const awaitingCustomerPlanOf = (
  value: Pick<Case, 'status' | 'notificationsSent' | 'customerWaitFlag'>,
  timeline: ReadonlyArray<Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to' | 'details'>>,
  store: Parameters<typeof awaitingCustomerRulesOf>[0],
  now: Date,
): AwaitingCustomerPlan => {
  const since = awaitingSince(value, timeline);
  const key = since && reminderKeyOf(since);
  // Sent, or tried and failed (recorded as `notification_failed`): one attempt, so a mail outage cannot loop the wait.
  const reminded =
    key !== undefined &&
    ((value.notificationsSent ?? []).includes(key) ||
      timeline.some((event) => event.type === 'notification_failed' && event.details?.notification === key));
  return planAwaitingCustomer({
    since,
    rules: awaitingCustomerRulesOf(store),
    reminded,
    flagged: since !== undefined && value.customerWaitFlag?.since === since.toISOString(),
    now,
  });
};

/** A limit as the customer reads it: whole days, or the ISO duration itself below a day (a demo's seconds). */
const shownLimit = (limit: string, locale: Locale): string => {
  const days = Math.floor(durationToSeconds(limit) / 86_400);
  if (days < 1) return limit;
  return locale === 'zh-CN' ? `${days} 天` : `${days} day${days === 1 ? '' : 's'}`;
};

/**
 * The summary of a case the workflow resolved at the limit, in the customer's language: the resolution email shows it
 * to them, and staff read it on the case.
 */
export const unansweredSummary = (limit: string, locale: Locale): string =>
  locale === 'zh-CN'
    ? `我们在 ${shownLimit(limit, locale)}内未收到您补充的信息，该服务单已自动结案（无需处理）。如您之后回复，我们会重新为您处理。`
    : `We did not receive the information we asked for within ${shownLimit(limit, locale)}, so the case was closed ` +
      'automatically with no action taken. If you reply later, we will pick it up again.';
