import type { Dependencies } from '../../commons/dependencies.js';
import { renderEmail } from '../../email/templates.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyIfStill, loadCase, loadStore } from './load-case.js';
import { notifyOnce } from './notify-once.js';

/** Rejected (by policy or a supervisor): the case closes as rejected and the customer gets every reason. */
export const rejectCase = async (dependencies: Dependencies, caseId: string): Promise<{ status: string }> => {
  const current = await loadCase(dependencies, caseId);
  const now = dependencies.clock.now();
  const rejected = await applyIfStill(dependencies, current, {
    ifStatusIn: ['submitted', 'pending_review'],
    set: { status: 'rejected', updatedAt: now.toISOString() },
    remove: ['workflowWait'],
    events: [timelineEvent(caseId, now, 'status_changed', SYSTEM, { from: current.status, to: 'rejected' })],
  });
  const latest = rejected ? { ...current, status: 'rejected' as const } : await loadCase(dependencies, caseId);
  if (latest.status !== 'rejected') return { status: latest.status };
  const store = await loadStore(dependencies, latest.storeId);
  await notifyOnce(dependencies, latest, {
    key: 'case_rejected',
    audience: 'customer',
    email: {
      to: [latest.customer.email],
      ...renderEmail(
        {
          kind: 'case_rejected',
          caseNumber: latest.caseNumber,
          customerName: latest.customer.name,
          storeName: store.name,
          reasons: latest.decision?.reasons ?? [],
        },
        latest.customer.locale,
      ),
    },
  });
  return { status: 'rejected' };
};
