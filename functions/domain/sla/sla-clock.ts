import type { BusinessCalendar } from './business-calendar.js';
import { businessSecondsOf } from './business-duration.js';
import { addBusinessSeconds, businessSecondsBetween } from './business-time.js';

/**
 * A milestone's SLA clock: it runs in business time from `startedAt` and stands still during `pauses` (while the case
 * awaits the customer). Everything here is computed from these facts and a target, never stored, so a due time is
 * always recomputable from the case's events, and a new target (a policy change) applies at once without losing the
 * time already spent or paused.
 */
export interface ClockPause {
  from: Date;
  /** Absent while the pause lasts: the clock is stopped now. */
  to?: Date;
}

export interface SlaClock {
  startedAt: Date;
  pauses: readonly ClockPause[];
}

// Sums and differences in whole milliseconds, so fractions of a second never drift (0.3 - 0.1 is not 0.2 in floats).
const msOf = (seconds: number): number => Math.round(seconds * 1000);
const businessMsBetween = (calendar: BusinessCalendar, from: Date, to: Date): number =>
  msOf(businessSecondsBetween(calendar, from, to));

/** Pauses within the clock's life, in order, overlaps merged; an open pause, if any, is last. */
const pausesOf = (clock: SlaClock): ClockPause[] => {
  const start = clock.startedAt.getTime();
  const pauses = clock.pauses
    .filter(({ to }) => to === undefined || to.getTime() > start)
    .map(({ from, to }) => ({ from: Math.max(from.getTime(), start), to: to?.getTime() ?? Infinity }))
    .sort((a, b) => a.from - b.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const pause of pauses) {
    const last = merged.at(-1);
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push({ ...pause });
  }
  return merged.map(({ from, to }) => ({ from: new Date(from), ...(to === Infinity ? {} : { to: new Date(to) }) }));
};

/** Working time spent paused by `at`, in seconds. */
export const pausedBusinessSeconds = (calendar: BusinessCalendar, clock: SlaClock, at: Date): number =>
  pausesOf(clock)
    .filter(({ from }) => from < at)
    .reduce((paused, { from, to }) => paused + businessMsBetween(calendar, from, to && to < at ? to : at), 0) / 1000;

/** Working time the clock has counted by `at`, in seconds. */
export const runningBusinessSeconds = (calendar: BusinessCalendar, clock: SlaClock, at: Date): number =>
  Math.max(0, businessMsBetween(calendar, clock.startedAt, at) - msOf(pausedBusinessSeconds(calendar, clock, at))) /
  1000;

export const isClockStopped = (clock: SlaClock, at: Date): boolean =>
  pausesOf(clock).some(({ from, to }) => from <= at && (to === undefined || to > at));

/**
 * The earliest instant at which the clock has counted `seconds` of working time: each pause before it moves it by
 * the working time paused; a pause after it changes nothing (a missed deadline stays missed). Undefined when an open
 * pause stopped the clock short of it.
 */
export const clockReachesAt = (calendar: BusinessCalendar, clock: SlaClock, seconds: number): Date | undefined => {
  let remaining = msOf(seconds);
  let cursor = clock.startedAt;
  for (const { from, to } of pausesOf(clock)) {
    if (from > cursor) {
      const running = businessMsBetween(calendar, cursor, from);
      if (remaining <= running) break;
      remaining -= running;
    }
    if (!to) return undefined;
    if (to > cursor) cursor = to;
  }
  return addBusinessSeconds(calendar, cursor, remaining / 1000);
};

/** Where a milestone stands at `now`: its due time, the business time left (negative once overdue), the time paused. */
export interface MilestoneDeadline {
  /** Absent while the clock is stopped short of the target. */
  dueAt?: Date;
  targetSeconds: number;
  remainingSeconds: number;
  pausedSeconds: number;
  stopped: boolean;
}

/** `target` is the policy's business duration for the milestone, counted from the clock's start (`P2D`, `PT4H`). */
export const milestoneDeadline = (
  calendar: BusinessCalendar,
  clock: SlaClock,
  target: string,
  now: Date,
): MilestoneDeadline => {
  const targetSeconds = businessSecondsOf(calendar, clock.startedAt, target);
  const dueAt = clockReachesAt(calendar, clock, targetSeconds);
  return {
    ...(dueAt ? { dueAt } : {}),
    targetSeconds,
    remainingSeconds: (msOf(targetSeconds) - msOf(runningBusinessSeconds(calendar, clock, now))) / 1000,
    pausedSeconds: pausedBusinessSeconds(calendar, clock, now),
    stopped: isClockStopped(clock, now),
  };
};
