import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import type { Mailer, OutgoingEmail } from '../../ports/mailer.js';
import { backOff, retryableOrThrow } from '../assignment/contention.js';

export interface Notification {
  /** Unique per case, e.g. `case_acknowledged` or `review_reminder_2`: sent at most once. */
  key: string;
  /** Staff audiences (the supervisors, one agent) are recorded alike, as internal `supervisors_notified` events. */
  audience: 'customer' | 'supervisors' | 'agent';
  email: OutgoingEmail;
}

/** Whether the case has had this notification already. */
export const wasNotified = (current: Case, key: string): boolean => (current.notificationsSent ?? []).includes(key);

/** Sends the email, tagged with the notification's kind (its key without a trailing counter). */
export const sendNotification = async (mailer: Mailer, notification: Notification): Promise<void> => {
  await mailer.send({
    ...notification.email,
    tags: { notification: notification.key.replace(/_\d+$/, ''), ...notification.email.tags },
  });
};

/**
 * Records a sent notification on the case (so it is not sent again) with a timeline event. The key is appended in the
 * write, so notices recorded at once keep each other's; a transaction that collided with another on the case is
 * retried (appending twice is harmless: a key is looked up, never counted twice for the same notice).
 */
export const recordNotification = async (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  current: Case,
  notification: Notification,
): Promise<void> => {
  const customer = notification.audience === 'customer';
  for (let attempt = 1; ; attempt += 1) {
    const now = clock.now();
    try {
      await cases.update(current, {
        set: { updatedAt: now.toISOString() },
        addNotificationsSent: [notification.key],
        events: [
          timelineEvent(current.caseId, now, customer ? 'customer_notified' : 'supervisors_notified', SYSTEM, {
            visibility: customer ? 'public' : 'internal',
            details: {
              notification: notification.key,
              ...(notification.audience === 'agent' ? { audience: 'agent' } : {}),
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
  current.notificationsSent = [...(current.notificationsSent ?? []), notification.key];
};

/**
 * Sends an email the case has not had yet, then records it (and a timeline event) on the case. A crash between the
 * two can repeat one email on retry; it never loses one.
 */
export const notifyOnce = async (
  dependencies: Pick<Dependencies, 'cases' | 'mailer' | 'clock'>,
  current: Case,
  notification: Notification,
): Promise<void> => {
  if (wasNotified(current, notification.key) || notification.email.to.length === 0) return;
  await sendNotification(dependencies.mailer, notification);
  await recordNotification(dependencies, current, notification);
};
