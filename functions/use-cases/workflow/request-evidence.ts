import type { Dependencies } from '../../commons/dependencies.js';
import { findSafetyTerms } from '../../domain/classification.js';
import { requestsEvidence } from '../../domain/policy/review-case.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { sendNotice } from '../notifications/customer-notices.js';
import { applyIfStill, loadCase } from './load-case.js';
import { wasNotified } from '../notifications/notifier.js';

export const EVIDENCE_REQUEST_NOTICE = 'evidence_requested';

/**
 * Right after an approval whose decision asks for evidence (`evidence_requested`: the store's `missingEvidence` is
 * `request`, or the description names a safety hazard): the case waits for the customer (`awaiting_customer`, a public
 * `status_changed` event with `details.reason`) and the customer is asked for the files in their language, once. The
 * workflow then classifies and assigns it like any case; the customer's message (with the files) resumes it.
 * Run again, it only makes sure the email went out.
 */
export const requestEvidence = async (dependencies: Dependencies, caseId: string): Promise<void> => {
  const current = await loadCase(dependencies, caseId);
  if (!current.decision || !requestsEvidence(current.decision.reasons)) return;
  if (wasNotified(current, EVIDENCE_REQUEST_NOTICE)) return;
  const now = dependencies.clock.now();
  if (current.status === 'open') {
    await applyIfStill(dependencies, current, {
      ifStatusIn: ['open'],
      ifAssignee: null,
      set: { status: 'awaiting_customer', updatedAt: now.toISOString() },
      events: [
        timelineEvent(caseId, now, 'status_changed', SYSTEM, {
          from: 'open',
          to: 'awaiting_customer',
          details: { reason: 'evidence_requested' },
        }),
      ],
    });
  }
  const latest = await loadCase(dependencies, caseId);
  if (latest.status !== 'awaiting_customer') return;
  await sendNotice(dependencies, latest, EVIDENCE_REQUEST_NOTICE, (store) => ({
    audience: 'customer',
    template: {
      kind: 'evidence_requested',
      caseNumber: latest.caseNumber,
      customerName: latest.customer.name,
      storeName: store.name,
      caseType: latest.type,
      minimum: 1,
      safetyHazard: findSafetyTerms(latest.description).length > 0,
    },
  }));
};
