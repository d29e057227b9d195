import type { Clock } from '../../functions/ports/clock.js';

/**
 * A clock that runs at real speed from a wall time the test sets (a Friday just before closing), and can be moved on
 * (to the night, to Monday morning): business-hours rules run on it while the workflow engine's timers stay real.
 */
export const shiftedClock = (start: Date): Clock & { setTo(instant: Date): void } => {
  let offsetMs = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offsetMs),
    setTo: (instant) => {
      offsetMs = instant.getTime() - Date.now();
    },
  };
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Days since the epoch in Asia/Shanghai, which keeps no daylight saving. */
const shanghaiDayOf = (instant: Date): number => Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);

/** `days` after `instant`, at `HH:MM:SS` Shanghai time. */
export const shanghaiTimeAfter = (instant: Date, days: number, time: string): Date => {
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  const midnight = (shanghaiDayOf(instant) + days) * DAY_MS - SHANGHAI_OFFSET_MS;
  return new Date(midnight + ((hours * 60 + minutes) * 60 + seconds) * 1000);
};

/** The next Friday after today (Asia/Shanghai), at `HH:MM:SS` Shanghai time. */
export const nextShanghaiFriday = (time: string, from = new Date()): Date => {
  const weekday = (shanghaiDayOf(from) + 3) % 7; // 0 = Monday
  return shanghaiTimeAfter(from, (4 - weekday + 7) % 7 || 7, time);
};
