/** ISO 8601 durations as configuration uses them (`PT4H`, `P2D`, `PT5S`, `P1W`); calendar arithmetic, no months or years. */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const isIsoDuration = (value: string): boolean => PATTERN.test(value) && value !== 'P' && !value.endsWith('T');

/** A duration's date part (weeks, days) apart from its time part, for callers to whom a day is not 24 hours (SLAs). */
export interface DurationParts {
  weeks: number;
  days: number;
  /** The time part (hours, minutes, seconds) in seconds. */
  timeSeconds: number;
}

export const durationParts = (value: string): DurationParts => {
  const match = PATTERN.exec(value);
  if (!match || !isIsoDuration(value))
    throw new RangeError(`Not an ISO 8601 duration of weeks, days and time: ${value}`);
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return {
    weeks: weeks ?? 0,
    days: days ?? 0,
    timeSeconds: (hours ?? 0) * 3_600 + (minutes ?? 0) * 60 + (seconds ?? 0),
  };
};

export const durationToSeconds = (value: string): number => {
  const { weeks, days, timeSeconds } = durationParts(value);
  return weeks * 604_800 + days * 86_400 + timeSeconds;
};
