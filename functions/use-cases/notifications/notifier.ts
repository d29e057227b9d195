import type { Dependencies } from '../../commons/dependencies.js';
import { errorName, logger } from '../../commons/logger.js';
import type { Case } from '../../domain/case.js';
import { TransientError } from '../../domain/errors.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import type { OutgoingEmail } from '../../ports/mailer.js';
import { backOff, retryableOrThrow } from '../assignment/contention.js';

/**
 * The one way an email about a case leaves the service: the workflow's steps, the work-stage and aftercare notices
 * and the SLA ladder all send through `notify`, under one keying rule and one failure rule.
 *
 * Keying: every email has a key, unique per case (`case_acknowledged`, `reply_<eventId>`, `sla_firstResponse_level_2`,
 * ...). A key found in the case's `notificationsSent` is never sent again; a sent email's key is appended there right
 * after the send, with a timeline event. A crash or a failed write between the send and that record can repeat that
 * one email on a retry, never lose it: delivery is at least once per key.
 *
 * Failure: a transient failure (throttling, a 5xx, a dropped connection: the mailer's `TransientError`) is retried
 * here, `SEND_ATTEMPTS` times in all with backoff. Whatever still fails (a rejected message, a sandbox recipient, an
 * unverified identity, nobody to send to, a failure to compose it) is logged and recorded as an internal
 * `notification_failed` event with the key and the error's class name only (never an address, never the mail
 * service's message), and never thrown: the case goes on, and the key stays unrecorded.
 */

export type NotificationAudience = 'customer' | 'supervisors' | 'agent' | 'admins';

export interface Notification {
  /** Unique per case: sent at most once while recorded (see above). */
  key: string;
  /** The customer's are public `customer_notified` events; staff's are internal `supervisors_notified` events. */
  audience: NotificationAudience;
  email: OutgoingEmail;
}

/** What was composed for a key: to whom, and the email (its `to` may be empty: then nobody can be told). */
export type ComposedNotification = Omit<Notification, 'key'>;

export type NotificationOutcome =
  | { status: 'sent' }
  /** The key was recorded already: nothing sent now. */
  | { status: 'already_sent' }
  /** Recorded as `notification_failed`; `error` is the failure's class name. */
  | { status: 'failed'; error: string };

export type NotifierDependencies = Pick<Dependencies, 'cases' | 'mailer' | 'clock'>;

/** Attempts at one send while the mail service fails transiently (its SDK retried each already). */
export const SEND_ATTEMPTS = 3;
const SEND_BACKOFF_MS = 200;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export class NoRecipientsError extends Error {
  constructor() {
    super('Nobody to send the notification to');
    this.name = 'NoRecipientsError';
  }
}

/** Whether the case has had this notification already. */
export const wasNotified = (current: Pick<Case, 'notificationsSent'>, key: string): boolean =>
  (current.notificationsSent ?? []).includes(key);

/** A transient failure names what failed underneath (e.g. `ThrottlingException`), so the record says why. */
const failureName = (error: unknown): string =>
  error instanceof TransientError && error.cause instanceof Error ? error.cause.name : errorName(error);

/** Sends, tagged with the notification's kind (its key without a trailing counter) unless the email names one. */
const deliver = async ({ mailer }: Pick<Dependencies, 'mailer'>, notification: Notification): Promise<void> => {
  const email = {
    ...notification.email,
    tags: { notification: notification.key.replace(/_\d+$/, ''), ...notification.email.tags },
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      await mailer.send(email);
      return;
    } catch (error) {
      if (!(error instanceof TransientError) || attempt >= SEND_ATTEMPTS) throw error;
      await sleep(Math.random() * SEND_BACKOFF_MS * 2 ** attempt);
    }
  }
};

/**
 * Appends the key to `notificationsSent` (in the write, so notices recorded at once keep each other's) with its
 * timeline event; a write that collided with another on the case is retried. `current` carries the key afterwards.
 */
const recordSent = async (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  current: Case,
  { key, audience }: Notification,
): Promise<void> => {
  const customer = audience === 'customer';
  for (let attempt = 1; ; attempt += 1) {
    const now = clock.now();
    try {
      await cases.update(current, {
        set: { updatedAt: now.toISOString() },
        addNotificationsSent: [key],
        events: [
          timelineEvent(current.caseId, now, customer ? 'customer_notified' : 'supervisors_notified', SYSTEM, {
            visibility: customer ? 'public' : 'internal',
            details: {
              notification: key,
              ...(audience === 'agent' || audience === 'admins' ? { audience } : {}),
            },
          }),
        ],
      });
      break;
    } catch (error) {
      retryableOrThrow(error, attempt);
      await backOff(attempt);
    }
  }
  current.notificationsSent = [...(current.notificationsSent ?? []), key];
};

const recordFailure = async (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  current: Case,
  key: string,
  error: string,
): Promise<void> => {
  const ids = { caseId: current.caseId, storeId: current.storeId, notification: key, error };
  logger.error('Notification failed', ids);
  try {
    await cases.update(current, {
      events: [
        timelineEvent(current.caseId, clock.now(), 'notification_failed', SYSTEM, {
          visibility: 'internal',
          details: { notification: key, error },
        }),
      ],
    });
  } catch (recordError) {
    logger.error('Notification failure not recorded', { ...ids, recordError: errorName(recordError) });
  }
};

/**
 * Sends the email `key` names unless the case has had it, then records it; `compose` builds it only when it is to
 * be sent (it may read the store or the agent directory: a failure there is recorded like a failed send). Never
 * throws. A sent email whose record failed is logged: it went out, and a retried step may send it once more.
 */
export const notify = async (
  dependencies: NotifierDependencies,
  current: Case,
  key: string,
  compose: () => ComposedNotification | Promise<ComposedNotification>,
): Promise<NotificationOutcome> => {
  if (wasNotified(current, key)) return { status: 'already_sent' };
  let notification: Notification;
  try {
    notification = { key, ...(await compose()) };
    if (notification.email.to.length === 0) throw new NoRecipientsError();
    await deliver(dependencies, notification);
  } catch (error) {
    const name = failureName(error);
    await recordFailure(dependencies, current, key, name);
    return { status: 'failed', error: name };
  }
  try {
    await recordSent(dependencies, current, notification);
  } catch (error) {
    logger.error('Notification sent but not recorded', {
      caseId: current.caseId,
      storeId: current.storeId,
      notification: key,
      error: errorName(error),
    });
  }
  return { status: 'sent' };
};
