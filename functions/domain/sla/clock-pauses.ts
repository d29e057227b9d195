import type { TimelineEvent, TimelineEventType } from '../timeline.js';
import type { ClockPause } from './sla-clock.js';

/** The events whose `from`/`to` are case statuses. */
const STATUS_EVENTS: readonly TimelineEventType[] = ['status_changed', 'resolved', 'cancelled'];

const PAUSED_STATUS = 'awaiting_customer';

/**
 * The resolution clock's pauses, read from the timeline: each stretch the case spent in `awaiting_customer`, from the
 * event that set it to the event that left it (the customer's message, staff resuming, resolution, cancellation).
 * The last one is open while the case still waits.
 */
export const clockPausesFrom = (
  events: ReadonlyArray<Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to'>>,
): ClockPause[] => {
  const pauses: ClockPause[] = [];
  const statusChanges = events
    .filter(({ type }) => STATUS_EVENTS.includes(type))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let pausedSince: Date | undefined;
  for (const { at, from, to } of statusChanges) {
    if (pausedSince && from === PAUSED_STATUS) {
      pauses.push({ from: pausedSince, to: new Date(at) });
      pausedSince = undefined;
    }
    if (!pausedSince && to === PAUSED_STATUS) pausedSince = new Date(at);
  }
  return pausedSince ? [...pauses, { from: pausedSince }] : pauses;
};
