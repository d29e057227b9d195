import type { Dependencies } from '../../commons/dependencies.js';
import { isOpenCase, UNDECIDED_STATUSES, type Case } from '../../domain/case.js';
import type { Store } from '../../domain/store.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { notify, type ComposedNotification } from '../notifications/notifier.js';
import { applyIfStill, loadCase, loadStore } from './load-case.js';

/** An approved case staff or the assignment already moved on from `open` was still opened: it gets its acknowledgement. */
const isSettledAs = (value: Case, target: 'open' | 'rejected'): boolean =>
  target === 'open'
    ? value.decision?.outcome === 'approved' && isOpenCase(value.status) && !UNDECIDED_STATUSES.includes(value.status)
    : value.status === target;

/**
 * Carries out a decision (the policy's or a supervisor's): moves a submitted or pending case to `target` and sends the
 * customer's email once (a failed send is recorded, never thrown). Run again, or after the reviewer already moved the
 * case, it only makes sure the email went out. Returns the status for the workflow and the case as it now stands.
 */
export const settleDecision = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>,
  caseId: string,
  target: 'open' | 'rejected',
  notification: { key: string; compose: (settled: Case, store: Store) => ComposedNotification },
): Promise<{ status: string; latest: Case }> => {
  const current = await loadCase(dependencies, caseId);
  const now = dependencies.clock.now();
  const moved = await applyIfStill(dependencies, current, {
    ifStatusIn: ['submitted', 'pending_review'],
    set: { status: target, updatedAt: now.toISOString() },
    remove: ['workflowWait'],
    events: [timelineEvent(caseId, now, 'status_changed', SYSTEM, { from: current.status, to: target })],
  });
  const latest = moved ? { ...current, status: target } : await loadCase(dependencies, caseId);
  if (!isSettledAs(latest, target)) return { status: latest.status, latest };
  // A failed email is recorded on the case and never stops it (see `notify`): the case goes on to its next step.
  const store = await loadStore(dependencies, latest.storeId);
  await notify(dependencies, latest, notification.key, () => notification.compose(latest, store));
  return { status: target, latest };
};
