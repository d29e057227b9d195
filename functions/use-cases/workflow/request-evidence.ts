import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
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
 * Run again, it only makes sure the email went out. `current` is the case as the opening left it (not read again).
 */
export const requestEvidence = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>,
  current: Case,
): Promise<void> => {
  const { caseId } = current;
  if (!current.decision || !requestsEvidence(current.decision.reasons)) return;
  if (wasNotified(current, EVIDENCE_REQUEST_NOTICE)) return;
  const now = dependencies.clock.now();
  const set = { status: 'awaiting_customer' as const, updatedAt: now.toISOString() };
  const moved =
    current.status === 'open' &&
    (await applyIfStill(dependencies, current, {
      ifStatusIn: ['open'],
      ifAssignee: null,
      set,
      events: [
        timelineEvent(caseId, now, 'status_changed', SYSTEM, {
          from: 'open',
          to: 'awaiting_customer',
          details: { reason: 'evidence_requested' },
        }),
      ],
    }));
  // Read again only when the write lost to another: otherwise the case is known as it stands.
  const latest = moved
    ? { ...current, ...set }
    : current.status === 'open'
      ? await loadCase(dependencies, caseId)
      : current;
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
