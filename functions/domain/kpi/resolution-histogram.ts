/**
 * Resolution times are counted in bins, so a median can be read from day buckets summed over any period: hourly bins
 * up to a day, 4-hour bins up to 3 days, then 4, 5, 6 and 7 days, 2 weeks, 30 days, and a year for anything longer.
 * Upper bounds in business hours; a time exactly on a bound falls in that bin.
 */
export const RESOLUTION_BIN_UPPER_HOURS: readonly number[] = [
  ...Array.from({ length: 24 }, (_, index) => index + 1),
  ...Array.from({ length: 12 }, (_, index) => 28 + index * 4),
  96,
  120,
  144,
  168,
  336,
  720,
  8760,
];

/** The bin a time falls in (its index), from its business seconds. */
export const resolutionBinOf = (businessSeconds: number): number => {
  const hours = businessSeconds / 3600;
  const index = RESOLUTION_BIN_UPPER_HOURS.findIndex((upper) => hours <= upper);
  return index === -1 ? RESOLUTION_BIN_UPPER_HOURS.length - 1 : index;
};

/**
 * The lower median (the ceil(n/2)-th smallest time) as the upper bound of its bin; null without any. `counts[i]` is
 * how many times fell in bin i.
 */
export const medianHoursOf = (counts: readonly number[]): number | null => {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(total / 2);
  let seen = 0;
  for (const [index, count] of counts.entries()) {
    seen += count;
    if (seen >= rank) return RESOLUTION_BIN_UPPER_HOURS[index] ?? null;
  }
  return null;
};
