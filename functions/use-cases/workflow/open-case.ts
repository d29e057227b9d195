import type { Dependencies } from '../../commons/dependencies.js';
import { renderEmail } from '../../email/templates.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyIfStill, loadCase, loadStore } from './load-case.js';
import { notifyOnce } from './notify-once.js';

/** Approved (by policy or a supervisor): the case opens and the customer gets the acknowledgement with its number. */
export const openCase = async (dependencies: Dependencies, caseId: string): Promise<{ status: string }> => {
  const current = await loadCase(dependencies, caseId);
  const now = dependencies.clock.now();
  const opened = await applyIfStill(dependencies, current, {
    ifStatusIn: ['submitted', 'pending_review'],
    set: { status: 'open', updatedAt: now.toISOString() },
    remove: ['workflowWait'],
    events: [timelineEvent(caseId, now, 'status_changed', SYSTEM, { from: current.status, to: 'open' })],
  });
  const latest = opened ? { ...current, status: 'open' as const } : await loadCase(dependencies, caseId);
  if (latest.status !== 'open') return { status: latest.status };
  const store = await loadStore(dependencies, latest.storeId);
  await notifyOnce(dependencies, latest, {
    key: 'case_acknowledged',
    audience: 'customer',
    email: {
      to: [latest.customer.email],
      ...renderEmail(
        {
          kind: 'case_acknowledged',
          caseNumber: latest.caseNumber,
          customerName: latest.customer.name,
          storeName: store.name,
          caseType: latest.type,
        },
        latest.customer.locale,
      ),
    },
  });
  return { status: 'open' };
};
