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

/** The longest duration any configuration may hold: a year, leap day included. */
export const MAX_DURATION_SECONDS = 366 * 86_400;

export interface DurationBounds {
  /** Business durations count working days, so weeks are refused (five or seven days would both be a fair reading). */
  kind: 'business' | 'elapsed';
  /** Seconds; 0 only where a zero means something ("off", "at once"), else 1. */
  minSeconds?: number;
  /** Seconds; at most `MAX_DURATION_SECONDS`. */
  maxSeconds?: number;
}

const describeSeconds = (seconds: number): string =>
  seconds === 0
    ? 'PT0S'
    : seconds % 86_400 === 0
      ? `P${seconds / 86_400}D`
      : seconds % 3_600 === 0
        ? `PT${seconds / 3_600}H`
        : seconds % 60 === 0
          ? `PT${seconds / 60}M`
          : `PT${seconds}S`;

/** `from PT1S to P366D`: how the bounds read in messages and in the OpenAPI descriptions. */
export const durationBoundsText = ({ minSeconds = 1, maxSeconds = MAX_DURATION_SECONDS }: DurationBounds): string =>
  `from ${describeSeconds(minSeconds)} to ${describeSeconds(maxSeconds)}`;

/**
 * What is wrong with a configured duration, or undefined: the one rule every duration a client sends is held to, so
 * no value can make the service count for hours (see business-time.ts) or store what DynamoDB refuses. Whole seconds
 * only: nothing here is timed more finely, and `PT0.0001S` would be a zero in disguise.
 */
export const durationProblem = (value: string, bounds: DurationBounds): string | undefined => {
  const { kind, minSeconds = 1, maxSeconds = MAX_DURATION_SECONDS } = bounds;
  if (!isIsoDuration(value)) return `${value} is not an ISO 8601 duration such as PT4H or P2D`;
  const { weeks } = durationParts(value);
  if (kind === 'business' && weeks > 0) return `${value} is in weeks: write working days instead (e.g. P5D)`;
  if (/\.\d*[1-9]/.test(value)) return `${value} has a fraction of a second: whole seconds only`;
  const seconds = durationToSeconds(value);
  if (seconds === 0 && minSeconds > 0) return 'must be longer than zero';
  if (!(seconds >= minSeconds && seconds <= maxSeconds)) return `must be ${durationBoundsText(bounds)}`;
  return undefined;
};
