import { DECISION_OUTCOMES, type DecisionOutcome } from './case.js';
import type { TimelineEvent, TimelineEventType } from './timeline.js';

/**
 * The business metrics operators watch (CloudWatch, namespace `AfterSales`), each counted from the timeline events a
 * case change writes: the events are the one record of what happened, so the counts cannot drift from the cases.
 */
export const BUSINESS_METRICS = [
  'CasesReceived',
  'Decisions',
  'SlaBreaches',
  'Escalations',
  'SurveyAnswers',
  'WorkflowFailures',
  /** Emails that failed for good (`notification_failed`: rejected, no recipient, transient past every retry). */
  'NotificationFailures',
] as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[number];

/**
 * Seconds between the time a parked workflow's wait was due to wake (`workflowWait.wakeAt`) and the time its SLA step
 * actually ran: how long a case sat past its deadline without the escalation it was owed.
 */
export const SLA_STEP_LATENESS = 'SlaStepLateness';

/** The event each business metric counts; every other event type counts nothing. */
export const EVENT_METRICS: Readonly<Partial<Record<TimelineEventType, BusinessMetric>>> = {
  case_submitted: 'CasesReceived',
  decision_made: 'Decisions',
  sla_breached: 'SlaBreaches',
  escalated: 'Escalations',
  survey_answered: 'SurveyAnswers',
  workflow_failed: 'WorkflowFailures',
  notification_failed: 'NotificationFailures',
};

/** The events only the workflow's SLA step writes, when it wakes to act on a deadline. */
const SLA_STEP_EVENTS: ReadonlySet<TimelineEventType> = new Set(['sla_warning', 'sla_breached', 'escalated']);

export type MetricPoint =
  /** `outcome` (Decisions only): three values, a dimension cheap enough to show approvals vs rejections. */
  | { name: BusinessMetric; unit: 'Count'; value: number; outcome?: DecisionOutcome }
  | { name: typeof SLA_STEP_LATENESS; unit: 'Seconds'; value: number };

const outcomeOf = (event: TimelineEvent): DecisionOutcome | undefined =>
  DECISION_OUTCOMES.find((outcome) => outcome === event.to);

/**
 * The metric points of one written change: one count per business metric (per decision outcome) with the number of
 * its events, and, when the change is an SLA step on a case that was parked with a wake time, that step's lateness.
 */
export const metricsOfChange = (
  events: readonly TimelineEvent[],
  parkedWait?: { wakeAt?: string | undefined },
): MetricPoint[] => {
  const counts = new Map<string, Extract<MetricPoint, { unit: 'Count' }>>();
  for (const event of events) {
    const name = EVENT_METRICS[event.type];
    if (name === undefined) continue;
    const outcome = name === 'Decisions' ? outcomeOf(event) : undefined;
    const key = `${name}#${outcome ?? ''}`;
    const point = counts.get(key) ?? { name, unit: 'Count', value: 0, ...(outcome ? { outcome } : {}) };
    point.value += 1;
    counts.set(key, point);
  }
  const points: MetricPoint[] = [...counts.values()];
  const step = events.find((event) => SLA_STEP_EVENTS.has(event.type));
  const wakeAt = parkedWait?.wakeAt === undefined ? Number.NaN : Date.parse(parkedWait.wakeAt);
  if (step && !Number.isNaN(wakeAt)) {
    const seconds = Math.max(0, Math.round((Date.parse(step.at) - wakeAt) / 1000));
    points.push({ name: SLA_STEP_LATENESS, unit: 'Seconds', value: seconds });
  }
  return points;
};
