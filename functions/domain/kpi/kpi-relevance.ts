import type { Case, CaseStatus } from '../case.js';
import type { TimelineEventType } from '../timeline.js';

/** The events `caseKpiFacts` reads (besides the case itself): a change with none of them moves no counter. */
const COUNTED_EVENTS: ReadonlySet<TimelineEventType> = new Set<TimelineEventType>([
  'case_submitted',
  'decision_made',
  'classified',
  'priority_overridden',
  'resolved',
  'reopened',
  'cancelled',
  'closed',
  'escalated',
  'sla_breached',
  'survey_sent',
  'survey_answered',
  'revisit_completed',
]);

const COUNTED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['rejected', 'cancelled', 'resolved', 'closed']);

/**
 * Whether a change can move the case's KPI facts, so the counting store reads the timeline only then: an event it
 * counts, a status it counts, or the first public reply (the first response).
 */
export const countsForKpis = (
  current: Pick<Case, 'firstRespondedAt'>,
  change: { events: ReadonlyArray<{ type: TimelineEventType; visibility: string }>; set?: Partial<Case> },
): boolean =>
  change.events.some(
    (event) =>
      COUNTED_EVENTS.has(event.type) ||
      (event.type === 'reply_sent' && event.visibility === 'public' && !current.firstRespondedAt),
  ) ||
  (change.set?.status !== undefined && COUNTED_STATUSES.has(change.set.status)) ||
  (change.set?.firstRespondedAt !== undefined && !current.firstRespondedAt);
