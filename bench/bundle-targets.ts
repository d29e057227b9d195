/* The bundle rows of the bench's targets, each miss with what stands in the way, from the measured figures. */
import type { TargetCheck } from './bench-results.js';
import type { BundleFigure } from './bundles.js';
import { median, round } from './stats.js';

const MAX_KB = 600;
const MEDIAN_KB = 300;
const MAX_IMPORT_RATIO = 2;

/** The functions' figures (floor and reference rows left out) that the targets are about. */
export const bundleSummary = (bundles: readonly Pick<BundleFigure, 'kind' | 'kb' | 'importRatio'>[]) => {
  const functions = bundles.filter((bundle) => bundle.kind !== 'floor' && bundle.kind !== 'reference');
  const importRatios = functions.map((bundle) => bundle.importRatio ?? Number.NaN);
  return {
    count: functions.length,
    maxKb: Math.max(...functions.map((bundle) => bundle.kb)),
    medianKb: median(functions.map((bundle) => bundle.kb)),
    maxImportRatio: Math.max(...importRatios),
    importRatios,
  };
};

const heaviest = (bundle: BundleFigure, count: number): string =>
  bundle.weights
    .slice(0, count)
    .map((weight) => `${weight.source} ${weight.kb}`)
    .join(', ');

/** Every bundle <= 600 KB, the median <= 300 KB, every import <= 2x the floor's; a miss says where the weight is. */
export const bundleTargets = (bundles: readonly BundleFigure[]): Record<string, TargetCheck> => {
  const { count, maxKb, medianKb, maxImportRatio } = bundleSummary(bundles);
  const functions = bundles.filter((bundle) => bundle.kind !== 'floor' && bundle.kind !== 'reference');
  const floor = bundles.find((bundle) => bundle.kind === 'floor');
  const over = functions.filter((bundle) => bundle.kb > MAX_KB).sort((a, b) => b.kb - a.kb);
  const largest = over[0];
  const typical = [...functions].sort((a, b) => a.kb - b.kb)[Math.floor((functions.length - 1) / 2)];
  const slowest = [...functions].sort((a, b) => (b.importRatio ?? 0) - (a.importRatio ?? 0))[0];
  return {
    bundleSize: {
      target: `<= ${MAX_KB} KB`,
      measured: `max ${maxKb} KB`,
      met: maxKb <= MAX_KB,
      ...(largest && {
        why:
          `${over.length} of ${count} over, each AWS client adding its schemas to the SDK core; largest ` +
          `${largest.name} ${largest.kb} KB: ${heaviest(largest, 5)}`,
      }),
    },
    bundleMedianSize: {
      target: `<= ${MEDIAN_KB} KB`,
      measured: `median ${medianKb} KB`,
      met: medianKb <= MEDIAN_KB,
      ...(medianKb > MEDIAN_KB &&
        typical && {
          why:
            `the floor alone (DynamoDB document client) is ${floor?.kb ?? '?'} KB; median ${typical.name}: ` +
            heaviest(typical, 5),
        }),
    },
    importVsFloor: {
      target: `<= ${MAX_IMPORT_RATIO}x the DynamoDB document client`,
      measured: `max ${maxImportRatio}x`,
      met: maxImportRatio <= MAX_IMPORT_RATIO,
      ...(maxImportRatio > MAX_IMPORT_RATIO &&
        slowest && {
          why:
            `${functions.filter((bundle) => (bundle.importRatio ?? 0) > MAX_IMPORT_RATIO).length} of ${count} over, ` +
            `slowest ${slowest.name} ${slowest.kb} KB at ${slowest.importMs} ms vs the floor's ${floor?.importMs ?? '?'} ms ` +
            `(median ${round(median(functions.map((bundle) => bundle.importRatio ?? Number.NaN)))}x; compile time grows with KB)`,
        }),
    },
  };
};
