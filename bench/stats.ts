/** Nearest-rank percentile of an unsorted sample (ms). NaN when empty. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
};

export const median = (values: readonly number[]): number => percentile(values, 50);

/** The (first) item whose `value` is the median: a typical sample, whole. Throws when there is none. */
export const atMedian = <T>(items: readonly T[], value: (item: T) => number): T => {
  const middle = median(items.map(value));
  const typical = items.find((item) => value(item) === middle);
  if (typical === undefined) throw new Error('No sample to take the median of');
  return typical;
};

export const round = (value: number, digits = 2): number => {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
