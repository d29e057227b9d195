/** ISO 8601 durations as configuration uses them (`PT4H`, `P2D`, `PT5S`, `P1W`); calendar arithmetic, no months or years. */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const isIsoDuration = (value: string): boolean => PATTERN.test(value) && value !== 'P' && !value.endsWith('T');

export const durationToSeconds = (value: string): number => {
  const match = PATTERN.exec(value);
  if (!match || !isIsoDuration(value))
    throw new RangeError(`Not an ISO 8601 duration of weeks, days and time: ${value}`);
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return (weeks ?? 0) * 604_800 + (days ?? 0) * 86_400 + (hours ?? 0) * 3_600 + (minutes ?? 0) * 60 + (seconds ?? 0);
};
