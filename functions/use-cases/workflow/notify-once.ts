import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import type { Mailer, OutgoingEmail } from '../../ports/mailer.js';

export interface Notification {
  /** Unique per case, e.g. `case_acknowledged` or `review_reminder_2`: sent at most once. */
  key: string;
  audience: 'customer' | 'supervisors';
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

/** Records a sent notification on the case (so it is not sent again) with a timeline event. */
export const recordNotification = async (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  current: Case,
  notification: Notification,
): Promise<void> => {
  const sent = current.notificationsSent ?? [];
  const now = clock.now();
  const customer = notification.audience === 'customer';
  await cases.update(current, {
    set: { notificationsSent: [...sent, notification.key], updatedAt: now.toISOString() },
    events: [
      timelineEvent(current.caseId, now, customer ? 'customer_notified' : 'supervisors_notified', SYSTEM, {
        visibility: customer ? 'public' : 'internal',
        details: { notification: notification.key },
      }),
    ],
  });
  current.notificationsSent = [...sent, notification.key];
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
