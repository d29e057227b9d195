import type { Dependencies } from '../../commons/dependencies.js';
import { logger, errorName } from '../../commons/logger.js';
import { roundKey, type Case, type ReopenReason } from '../../domain/case.js';
import {
  assignedNotificationKey,
  awaitingCustomerNotificationKey,
  cancelledNotificationKey,
  reopenedNotificationKey,
  replyNotificationKey,
  resolvedNotificationKey,
} from '../../domain/notification-keys.js';
import type { Store } from '../../domain/store.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { renderEmail, type EmailTemplate } from '../../email/templates.js';
import { staffCaseLink } from './console-link.js';
import { notify } from './notifier.js';

/**
 * The customer's and supervisors' emails for the work and aftercare stages, each localized (zh-CN, en; HTML and text)
 * from `functions/email/`, sent once per key through the notifier (`notifier.ts`: a failed send is recorded as an
 * internal `notification_failed` event, never thrown: the action it follows is done). `sendNotice` is shared with the
 * staff notices of `aftercare-notices.ts`.
 */
export type MailDependencies = Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>;

/**
 * What a notice says and to whom; the store is loaded for it (its name is in every email). The customer's and the
 * supervisors' addresses come from the case and the store; an agent's (`to`) from the directory, read here so that a
 * failed read is recorded like a failed send.
 */
export type NoticeOf = (store: Store) => Notice | Promise<Notice>;

type Notice =
  | { audience: 'customer' | 'supervisors'; template: EmailTemplate }
  | { audience: 'agent'; template: EmailTemplate; to: string[] };

class StoreMissingError extends Error {
  constructor() {
    super('The case’s store has no profile');
    this.name = 'StoreMissingError';
  }
}

/** Sends one notice unless the case has had it (`key`), then records it. Never throws (see `notify`). */
export const sendNotice = async (
  dependencies: MailDependencies,
  value: Case,
  key: string,
  noticeOf: NoticeOf,
): Promise<void> => {
  await notify(dependencies, value, key, async () => {
    const store = await dependencies.stores.getStore(value.storeId);
    if (!store) throw new StoreMissingError();
    const notice = await noticeOf(store);
    const { audience, template } = notice;
    const customer = audience === 'customer';
    const to = notice.audience === 'agent' ? notice.to : customer ? [value.customer.email] : store.supervisorEmails;
    // Staff emails link the case's page in the staff console (when the deployment says where it is).
    const email = customer
      ? renderEmail(template, value.customer.locale)
      : renderEmail(template, store.defaultLocale, staffCaseLink(dependencies.mailer, value.caseId));
    // Tagged by kind, not key: keys carry ids, and delivery reports group by kind.
    return { audience, email: { to, ...email, tags: { notification: template.kind } } };
  });
};

/** What heads every customer email: the case's number, the customer's name, the store's name. */
type CustomerHeader = 'caseNumber' | 'customerName' | 'storeName';
type WithoutHeader<T> = T extends unknown ? Omit<T, CustomerHeader> : never;
/** A customer email's own fields; `toCustomer` adds the header from the case and its store. */
type CustomerMessage = WithoutHeader<Extract<EmailTemplate, Record<CustomerHeader, string>>>;

const toCustomer =
  (value: Case, message: CustomerMessage): NoticeOf =>
  (store) => ({
    audience: 'customer',
    template: { ...message, caseNumber: value.caseNumber, customerName: value.customer.name, storeName: store.name },
  });

/** To the customer: who is handling the case (the agent's display name). Once per assignment. */
export const notifyAssigned = async (dependencies: MailDependencies, value: Case): Promise<void> => {
  const assignee = value.assignee;
  if (!assignee) {
    logger.warn('No assignee to announce', { caseId: value.caseId });
    return;
  }
  await sendNotice(
    dependencies,
    value,
    assignedNotificationKey(assignee),
    toCustomer(value, {
      kind: 'case_assigned',
      agentName: assignee.name,
    }),
  );
};

/** To the customer: a public reply's text. `replyEventId` makes it once per reply. */
export const notifyReply = async (
  dependencies: MailDependencies,
  value: Case,
  reply: { replyEventId: string; body: string; authorName: string; fileNames?: string[] | undefined },
): Promise<void> =>
  sendNotice(
    dependencies,
    value,
    replyNotificationKey(reply.replyEventId),
    toCustomer(value, {
      kind: 'reply_posted',
      authorName: reply.authorName,
      body: reply.body,
      ...(reply.fileNames?.length ? { fileNames: reply.fileNames } : {}),
    }),
  );

/** The text of the latest public reply by staff, if any. */
const latestReplyIn = (timeline: readonly TimelineEvent[]): string | undefined => {
  const body = timeline.findLast((event) => event.type === 'reply_sent' && event.visibility === 'public')?.details
    ?.body;
  return typeof body === 'string' ? body : undefined;
};

/**
 * The case as stored now and the text of its latest public reply. When the read fails the email still goes out,
 * without the quote, from the case the caller had.
 */
const withLatestReply = async (
  { cases }: Pick<MailDependencies, 'cases'>,
  value: Case,
): Promise<{ current: Case; latestReply?: string | undefined }> => {
  try {
    const stored = await cases.getWithTimeline(value.caseId);
    return stored ? { current: stored.case, latestReply: latestReplyIn(stored.timeline) } : { current: value };
  } catch (error) {
    logger.warn('Latest reply not read', { caseId: value.caseId, error: errorName(error) });
    return { current: value };
  }
};

/**
 * To the customer: we need your answer (status `awaiting_customer`), quoting the latest public reply. `eventId` makes
 * it once per change. `timeline` is the case's, when the caller has just read it (the status change has); otherwise
 * the case is read again for it.
 */
export const notifyAwaitingCustomer = async (
  dependencies: MailDependencies,
  value: Case,
  eventId: string,
  timeline?: readonly TimelineEvent[],
): Promise<void> => {
  const { current, latestReply } = timeline
    ? { current: value, latestReply: latestReplyIn(timeline) }
    : await withLatestReply(dependencies, value);
  await sendNotice(
    dependencies,
    current,
    awaitingCustomerNotificationKey(eventId),
    toCustomer(current, {
      kind: 'awaiting_customer',
      ...(latestReply !== undefined ? { latestReply } : {}),
    }),
  );
};

/** To the customer: resolved, with the outcome. Once per round. */
export const notifyResolved = async (dependencies: MailDependencies, value: Case): Promise<void> => {
  const resolution = value.resolution;
  if (!resolution) {
    logger.warn('No resolution to announce', { caseId: value.caseId });
    return;
  }
  await sendNotice(
    dependencies,
    value,
    resolvedNotificationKey(value),
    toCustomer(value, {
      kind: 'case_resolved',
      resolutionType: resolution.type,
      ...(resolution.amount !== undefined
        ? { amount: { value: resolution.amount, currency: resolution.currency ?? value.currency } }
        : {}),
      summary: resolution.summary,
    }),
  );
};

/** The survey form's signed link, and when it expires, shown on the store calendar's clock (`timezone`). */
export interface SurveyLink {
  surveyUrl: string;
  /** ISO instant. */
  expiresAt: string;
  timezone: string;
}

/** A survey email of the case's current round (the invitation, or its one reminder): once per round each. */
const notifySurvey =
  (kind: 'survey_invitation' | 'survey_reminder') =>
  async (dependencies: MailDependencies, value: Case, { surveyUrl, expiresAt, timezone }: SurveyLink): Promise<void> =>
    sendNotice(dependencies, value, roundKey(value, kind), toCustomer(value, { kind, surveyUrl, expiresAt, timezone }));

/**
 * To the customer: rate how the case was handled. Once per round. (Module-scope calls are marked pure so that a bundle
 * importing this module for one notice does not keep every email template through them.)
 */
export const notifySurveyInvitation = /* @__PURE__ */ notifySurvey('survey_invitation');

/** To the customer: the survey's one reminder. Once per round. */
export const notifySurveyReminder = /* @__PURE__ */ notifySurvey('survey_reminder');

/** To the customer: the case is open again, and who has it. Once per round (the round the reopening started). */
export const notifyCaseReopened = async (
  dependencies: MailDependencies,
  value: Case,
  reason: ReopenReason,
): Promise<void> =>
  sendNotice(
    dependencies,
    value,
    reopenedNotificationKey(value),
    toCustomer(value, {
      kind: 'case_reopened',
      reason,
      ...(value.assignee ? { agentName: value.assignee.name } : {}),
    }),
  );

/** To the customer: cancelled. Once. */
export const notifyCancelled = async (dependencies: MailDependencies, value: Case): Promise<void> =>
  sendNotice(
    dependencies,
    value,
    cancelledNotificationKey(),
    toCustomer(value, {
      kind: 'case_cancelled',
      ...(value.cancellation ? { reason: value.cancellation.reason } : {}),
    }),
  );

/** To the store's supervisors: an approved case waits with no eligible agent. Once per case. */
export const notifyUnassigned = async (dependencies: MailDependencies, value: Case): Promise<void> =>
  sendNotice(dependencies, value, 'case_unassigned', (store) => ({
    audience: 'supervisors',
    template: {
      kind: 'case_unassigned',
      caseNumber: value.caseNumber,
      caseId: value.caseId,
      storeName: store.name,
      caseType: value.type,
      ...(value.classification ? { priority: value.classification.priority } : {}),
    },
  }));

/** To the store’s supervisors: a P1 case was assigned, with its first response’s due time. Once per assignment. */
export const notifyP1Assigned = async (
  dependencies: MailDependencies,
  value: Case,
  { timezone, firstResponseDueAt }: { timezone: string; firstResponseDueAt?: Date | undefined },
): Promise<void> => {
  const assignee = value.assignee;
  if (!assignee) return;
  await sendNotice(dependencies, value, `p1_assigned_${assignee.agentId}_${assignee.assignedAt}`, (store) => ({
    audience: 'supervisors',
    template: {
      kind: 'p1_case_assigned',
      caseNumber: value.caseNumber,
      caseId: value.caseId,
      storeName: store.name,
      caseType: value.type,
      agentName: assignee.name,
      timezone,
      ...(firstResponseDueAt ? { firstResponseDueAt: firstResponseDueAt.toISOString() } : {}),
    },
  }));
};
