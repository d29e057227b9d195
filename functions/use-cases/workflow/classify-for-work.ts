import type { Dependencies } from '../../commons/dependencies.js';
import { isOpenCase, type Case } from '../../domain/case.js';
import { classifyCase } from '../../domain/classification.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyIfStill, loadCase } from './load-case.js';

const REPEAT_WINDOW_DAYS = 90;
/** Enough to decide `repeat_customer` for any sensible threshold, without paging through a long history. */
const MAX_CASES_READ = 50;
const UPDATE_ATTEMPTS = 5;

/** The customer's other cases in the store filed in the last 90 days (newest first, so it stops at the window). */
const recentCaseCount = async ({ cases }: Pick<Dependencies, 'cases'>, value: Case, now: Date): Promise<number> => {
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000).toISOString();
  const page = await cases.listByCustomer(value.storeId, value.customer.id, { limit: MAX_CASES_READ });
  return page.items.filter((other) => other.caseId !== value.caseId && other.createdAt >= since).length;
};

/**
 * Workflow step after approval: severity x urgency -> priority by the store's rules (storefront hints first), recorded
 * with the rule that decided each. Run again, or once staff has overridden it, it keeps what is there. The write is
 * guarded by the status and assignee it read (they decide the queue keys), re-read on a concurrent change.
 */
export const classifyForWork = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'clock'>,
  caseId: string,
): Promise<{ priority?: string }> => {
  for (let attempt = 1; ; attempt += 1) {
    const current = await loadCase(dependencies, caseId);
    if (current.classification || !isOpenCase(current.status)) return { priority: current.classification?.priority };
    const now = dependencies.clock.now();
    const classification = classifyCase({
      request: current,
      policy: await dependencies.stores.getPolicy(current.storeId),
      recentCaseCount: await recentCaseCount(dependencies, current, now),
      now,
    });
    const recorded = await applyIfStill(dependencies, current, {
      ifStatusIn: [current.status],
      ifAssignee: current.assignee?.agentId ?? null,
      set: { classification, updatedAt: now.toISOString() },
      events: [
        timelineEvent(caseId, now, 'classified', SYSTEM, {
          visibility: 'internal',
          to: classification.priority,
          details: {
            severity: classification.severity,
            urgency: classification.urgency,
            severityRule: classification.severityRule,
            urgencyRule: classification.urgencyRule,
          },
        }),
      ],
    });
    if (recorded || attempt >= UPDATE_ATTEMPTS) return { priority: classification.priority };
  }
};
