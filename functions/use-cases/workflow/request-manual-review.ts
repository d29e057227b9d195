import type { Dependencies } from '../../commons/dependencies.js';
import { durationToSeconds } from '../../domain/duration.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { renderEmail } from '../../email/templates.js';
import { applyIfStill, loadCase, loadStore } from './load-case.js';
import { notify } from '../notifications/notifier.js';
import { staffCaseLink } from '../notifications/console-link.js';

export interface ManualReviewRequest {
  caseId: string;
  /** False the first time; true each time the wait for a decision timed out. */
  reminder: boolean;
}

/**
 * Policy could not decide: the case waits in `pending_review`, the customer is told a person will decide, the store's
 * supervisors are asked (and reminded after each `reviewReminderAfter` without a decision). A failed email is recorded
 * on the case, never thrown (see `notify`), so the review goes on. Returns how long the workflow waits for the
 * decision before the next reminder.
 */
export const requestManualReview = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>,
  { caseId, reminder }: ManualReviewRequest,
): Promise<{ reminderAfterSeconds: number }> => {
  const current = await loadCase(dependencies, caseId);
  const store = await loadStore(dependencies, current.storeId);
  const reminderAfterSeconds = Math.max(1, Math.round(durationToSeconds(store.reviewReminderAfter)));
  const now = dependencies.clock.now();
  if (!reminder) {
    await applyIfStill(dependencies, current, {
      ifStatusIn: ['submitted'],
      set: { status: 'pending_review', updatedAt: now.toISOString() },
      events: [
        timelineEvent(caseId, now, 'status_changed', SYSTEM, { from: current.status, to: 'pending_review' }),
        timelineEvent(caseId, now, 'review_requested', SYSTEM, { visibility: 'internal' }),
      ],
    });
    current.status = current.status === 'submitted' ? 'pending_review' : current.status;
  }
  if (current.status !== 'pending_review') return { reminderAfterSeconds };

  if (!reminder) {
    await notify(dependencies, current, 'case_under_review', () => ({
      audience: 'customer',
      email: {
        to: [current.customer.email],
        ...renderEmail(
          {
            kind: 'case_under_review',
            caseNumber: current.caseNumber,
            customerName: current.customer.name,
            storeName: store.name,
          },
          current.customer.locale,
        ),
      },
    }));
  }
  const sentReminders = (current.notificationsSent ?? []).filter((key) => key.startsWith('review_reminder_')).length;
  await notify(dependencies, current, reminder ? `review_reminder_${sentReminders + 1}` : 'review_requested', () => ({
    audience: 'supervisors',
    email: {
      to: store.supervisorEmails,
      ...renderEmail(
        {
          kind: 'review_requested',
          caseNumber: current.caseNumber,
          caseId,
          storeName: store.name,
          orderId: current.orderId,
          reasons: current.decision?.reasons ?? [],
          reminder,
        },
        store.defaultLocale,
        staffCaseLink(dependencies.mailer, caseId),
      ),
    },
  }));
  if (reminder) {
    await dependencies.cases.update(current, {
      events: [
        timelineEvent(caseId, dependencies.clock.now(), 'review_reminder_sent', SYSTEM, { visibility: 'internal' }),
      ],
    });
  }
  return { reminderAfterSeconds };
};
