import type { Dependencies } from '../../commons/dependencies.js';
import { errorName, logger } from '../../commons/logger.js';
import type { Case } from '../../domain/case.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { caseForNotice, type OutboxItem } from '../../domain/outbox.js';
import { notifyAgentReopened } from './agent-notices.js';
import { announceAssignment } from './announce-assignment.js';
import {
  notifyAwaitingCustomer,
  notifyCancelled,
  notifyCaseReopened,
  notifyReply,
  notifyResolved,
} from './customer-notices.js';

/**
 * The email outbox of staff actions. An action writes the emails it decides as outbox items in the same transaction
 * as its change (`CaseChange.outbox`), so a function that dies after its write loses none. Then:
 * 1. after the commit the request queues a `sendNotifications` job naming its own items (`queueOutbox`). Naming them
 *    keeps two actions' jobs on one case from both sending the same email. Should the queue refuse the job, the items
 *    stay for the sweep (step 3): the request carries no mailer, so its function bundles no SES client;
 * 2. the work queue's consumer sends each item through the notifier (`sendOutbox`): once per key, a key the case
 *    has recorded is not sent again, transient failures retried, anything else recorded as `notification_failed`;
 *    then the item is removed, sent or failed, so nothing loops. A crash before the removal only repeats the job,
 *    which then finds the key recorded and sends nothing;
 * 3. every minute a sweep queues the jobs of items left over a minute (`sweepOutbox`): a lost or dead-lettered job.
 *    Only those: a younger item's own job may still be at work on it.
 */
// `agents`: a reopening that returns the case to its agent emails them at the directory's address.
export type OutboxDependencies = Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock' | 'agents'>;

/** An item is left behind once it is this old: its job was lost (the fast path runs within milliseconds). */
export const STALE_OUTBOX_AFTER_MS = 60_000;

/** Outbox items looked at per index shard and sweep; the next sweep (a minute later) takes the rest. */
const ITEMS_PER_SWEEP = 100;

/** Sends one item's emails (never throws: a failure is recorded on the case by the notifier). */
const sendItem = async (
  dependencies: OutboxDependencies,
  { case: current, timeline }: { case: Case; timeline: readonly TimelineEvent[] },
  { notice }: OutboxItem,
): Promise<void> => {
  const value = caseForNotice(current, notice);
  switch (notice.kind) {
    case 'reply':
      return notifyReply(dependencies, value, notice);
    case 'awaiting_customer':
      return notifyAwaitingCustomer(dependencies, value, notice.eventId, timeline);
    case 'resolved':
      return notifyResolved(dependencies, value);
    case 'assigned':
      return announceAssignment(dependencies, value, { agentEmail: notice.agentEmail });
    case 'reopened':
      await notifyCaseReopened(dependencies, value, notice.reason);
      if (value.assignee)
        await notifyAgentReopened(dependencies, { ...value, assignee: value.assignee }, notice.reason);
      return;
    case 'cancelled':
      return notifyCancelled(dependencies, value);
  }
};

/**
 * Sends the case's outbox items named by `keys` (all when absent), oldest first, removing each once done: the
 * consumer's `sendNotifications` job. An item already gone (sent by an earlier delivery) is skipped.
 */
export const sendOutbox = async (
  dependencies: OutboxDependencies,
  caseId: string,
  keys?: readonly string[],
): Promise<{ outcome: 'sent'; items: number }> => {
  const items = (await dependencies.cases.listOutbox(caseId)).filter((item) => !keys || keys.includes(item.key));
  if (items.length === 0) return { outcome: 'sent', items: 0 };
  // Read once with its timeline: the awaiting-customer email quotes the latest public reply.
  const current = await dependencies.cases.getWithTimeline(caseId);
  for (const item of items) {
    if (current) await sendItem(dependencies, current, item);
    else logger.warn('Outbox item of a case that is gone: dropped', { caseId, notification: item.key });
    await dependencies.cases.removeOutbox(caseId, item.key);
  }
  return { outcome: 'sent', items: items.length };
};

/**
 * After an action committed its outbox items: queues their send. Never throws (the action is done): when the queue
 * refuses the job the items stay in the outbox, and the sweep queues (or sends) them once they are a minute old, so
 * the emails go out one to two minutes late instead of at once, and none is lost.
 */
export const queueOutbox = async (
  { workQueue }: Pick<Dependencies, 'workQueue'>,
  caseId: string,
  items: ReadonlyArray<Pick<OutboxItem, 'key'>>,
): Promise<void> => {
  if (items.length === 0) return;
  try {
    await workQueue.enqueue({ kind: 'sendNotifications', caseId, keys: items.map((item) => item.key) });
  } catch (error) {
    logger.warn('Email job not queued; the outbox sweep sends the emails', { caseId, errorName: errorName(error) });
  }
};

/**
 * The sweep's send of the case's items `keys`: queued, or sent here when the queue refuses the job (the sweep is the
 * last resort, so it carries the mailer). Throws if both fail: the next sweep tries again.
 */
const queueOrSend = async (
  dependencies: OutboxDependencies & Pick<Dependencies, 'workQueue'>,
  caseId: string,
  keys: readonly string[],
): Promise<void> => {
  try {
    await dependencies.workQueue.enqueue({ kind: 'sendNotifications', caseId, keys: [...keys] });
  } catch (error) {
    logger.warn('Email job not queued; sending now', { caseId, errorName: errorName(error) });
    await sendOutbox(dependencies, caseId, keys);
  }
};

export interface OutboxSweep {
  /** Cases whose left-behind items were queued (or sent here, the queue refusing). */
  queued: number;
  /** Cases left for the next sweep (logged). */
  failed: number;
}

/** The outbox sweep, run every minute: queues the send of every case with items written over a minute ago. */
export const sweepOutbox = async (
  dependencies: OutboxDependencies & Pick<Dependencies, 'workQueue'>,
  { staleAfterMs = STALE_OUTBOX_AFTER_MS }: { staleAfterMs?: number } = {},
): Promise<OutboxSweep> => {
  const writtenBefore = new Date(dependencies.clock.now().getTime() - staleAfterMs);
  const stale = new Map<string, string[]>();
  for (const { caseId, key } of await dependencies.cases.listStaleOutbox(writtenBefore, ITEMS_PER_SWEEP)) {
    stale.set(caseId, [...(stale.get(caseId) ?? []), key]);
  }
  const sweep: OutboxSweep = { queued: 0, failed: 0 };
  for (const [caseId, keys] of stale) {
    try {
      logger.warn('Emails left in the outbox; queued again', { caseId, notifications: keys });
      await queueOrSend(dependencies, caseId, keys);
      sweep.queued += 1;
    } catch (error) {
      sweep.failed += 1;
      logger.error('Emails left in the outbox not sent; the next sweep retries', {
        caseId,
        errorName: errorName(error),
      });
    }
  }
  return sweep;
};
