import { firstResolvedAt, type Case } from '../case.js';
import { caseSla } from '../sla/case-sla.js';
import { clockPausesFrom } from '../sla/clock-pauses.js';
import { runningBusinessSeconds } from '../sla/sla-clock.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { TimelineEvent } from '../timeline.js';

/**
 * A milestone as measured when it was met, written on the event that met it (`details.kpi`), so a figure is fixed at
 * the moment it happened: a later change of the SLA policy or calendar does not rewrite last quarter's report.
 * - `businessSeconds`: working time on the SLA calendar from the clock's start to the milestone, the stretches the
 *   case spent awaiting the customer excluded. `calendarSeconds`: the same span in elapsed time, pauses included.
 * - `withinSla`: met by its due time under the policy in force then (see `caseSla`).
 * - `agentId`: the case's agent at that moment (absent while unassigned): whose figure it is.
 */
export interface MilestoneMeasure {
  businessSeconds: number;
  calendarSeconds: number;
  withinSla: boolean;
  agentId?: string;
}

export interface KpiStamp {
  firstResponse?: MilestoneMeasure;
  resolution?: MilestoneMeasure;
}

type TimelineFacts = ReadonlyArray<Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to'>>;

const wholeSeconds = (value: number): number => Math.round(value);

/** When the case's first response was met: the first public reply, or the first resolution if none came before. */
export const firstResponseMetAt = (value: Case): string | undefined => {
  const replied = value.firstRespondedAt;
  const resolved = firstResolvedAt(value);
  if (replied && resolved) return replied < resolved ? replied : resolved;
  return replied ?? resolved;
};

/**
 * Measures a met milestone of `after` (the case with the change applied) over its whole timeline: the first response
 * (first public reply, or first resolution) or the current round's resolution. The first response's SLA clock does not
 * pause, but its time excludes the stretches awaiting the customer too (the README's definition), so it is measured on
 * a clock with the timeline's pauses. Undefined when the milestone is not met, or the case has no SLA.
 */
const measureMilestone = (
  milestone: 'firstResponse' | 'resolution',
  after: Case,
  timeline: TimelineFacts,
  policy: Pick<SlaPolicy, 'calendar' | 'targets'>,
  agentId: string | undefined,
): MilestoneMeasure | undefined => {
  const metAt = milestone === 'firstResponse' ? firstResponseMetAt(after) : after.resolution?.resolvedAt;
  if (!metAt) return undefined;
  const sla = caseSla({ current: after, timeline, policy, now: new Date(metAt) });
  if (!sla) return undefined;
  const { clock, breached } = sla.milestones[milestone];
  const met = new Date(metAt);
  const measuredClock = milestone === 'firstResponse' ? { ...clock, pauses: clockPausesFrom(timeline) } : clock;
  return {
    businessSeconds: wholeSeconds(runningBusinessSeconds(policy.calendar, measuredClock, met)),
    calendarSeconds: wholeSeconds(Math.max(0, met.getTime() - clock.startedAt.getTime()) / 1000),
    withinSla: !breached,
    ...(agentId ? { agentId } : {}),
  };
};

export const measureFirstResponse = (
  after: Case,
  timeline: TimelineFacts,
  policy: Pick<SlaPolicy, 'calendar' | 'targets'>,
  agentId: string | undefined,
): MilestoneMeasure | undefined => measureMilestone('firstResponse', after, timeline, policy, agentId);

export const measureResolution = (
  after: Case,
  timeline: TimelineFacts,
  policy: Pick<SlaPolicy, 'calendar' | 'targets'>,
  agentId: string | undefined,
): MilestoneMeasure | undefined => measureMilestone('resolution', after, timeline, policy, agentId);

/** The stamp an event carries, if any. */
export const kpiStampOf = (event: Pick<TimelineEvent, 'details'>): KpiStamp | undefined => {
  const stamp = event.details?.kpi;
  return stamp && typeof stamp === 'object' ? stamp : undefined;
};

/**
 * The change's events with the measures of what they meet: the event that meets the first response (the reply or the
 * resolution that did) and a resolution carry `details.kpi`. `before` is the case before the change; `after` with it.
 */
export const stampMeasures = (
  before: Case,
  after: Case,
  timelineBefore: readonly TimelineEvent[],
  events: readonly TimelineEvent[],
  policy: Pick<SlaPolicy, 'calendar' | 'targets'>,
): TimelineEvent[] => {
  const timeline = [...timelineBefore, ...events];
  const agentId = before.assignee?.agentId;
  const firstResponseMet = !firstResponseMetAt(before) && firstResponseMetAt(after);
  const firstResponse = firstResponseMet ? measureFirstResponse(after, timeline, policy, agentId) : undefined;
  const resolved = events.some((event) => event.type === 'resolved');
  const resolution = resolved ? measureResolution(after, timeline, policy, agentId) : undefined;
  let firstResponseStamped = false;
  return events.map((event) => {
    const stamp: KpiStamp = {};
    const meetsFirstResponse =
      firstResponse &&
      !firstResponseStamped &&
      event.at === firstResponseMetAt(after) &&
      (event.type === 'resolved' || (event.type === 'reply_sent' && event.visibility === 'public'));
    if (meetsFirstResponse) {
      stamp.firstResponse = firstResponse;
      firstResponseStamped = true;
    }
    if (event.type === 'resolved' && resolution) stamp.resolution = resolution;
    return Object.keys(stamp).length ? { ...event, details: { ...event.details, kpi: stamp } } : event;
  });
};
