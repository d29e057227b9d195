import { describe, expect, it } from 'vitest';
import {
  medianHoursOf,
  RESOLUTION_BIN_UPPER_HOURS,
  resolutionBinOf,
} from '../../../../functions/domain/kpi/resolution-histogram.js';

const HOUR = 3600;
/** Bin counts from business-second times. */
const countsOf = (seconds: number[]): number[] => {
  const counts = RESOLUTION_BIN_UPPER_HOURS.map(() => 0);
  for (const time of seconds) counts[resolutionBinOf(time)] = (counts[resolutionBinOf(time)] ?? 0) + 1;
  return counts;
};

describe('Function: resolutionBinOf', () => {
  it.each<[string, number, number]>([
    ['zero', 0, 1],
    ['a second', 1, 1],
    ['exactly one hour, on the bound', HOUR, 1],
    ['one hour and a second', HOUR + 1, 2],
    ['exactly 24 hours', 24 * HOUR, 24],
    ['just past 24 hours: the 4-hour bins', 24 * HOUR + 1, 28],
    ['exactly 72 hours', 72 * HOUR, 72],
    ['just past 72 hours: 4 days', 72 * HOUR + 1, 96],
    ['8 days: 2 weeks', 192 * HOUR, 336],
    ['20 days: 30 days', 480 * HOUR, 720],
    ['a year', 8760 * HOUR, 8760],
    ['beyond a year: the last bin', 9000 * HOUR, 8760],
  ])('%s', (_, seconds, upperHours) => {
    expect(RESOLUTION_BIN_UPPER_HOURS[resolutionBinOf(seconds)]).toBe(upperHours);
  });
});

describe('Function: medianHoursOf', () => {
  it.each<[string, number[], number | null]>([
    ['none', [], null],
    ['one', [5 * HOUR], 5],
    ['two: the lower one', [2 * HOUR, 30 * HOUR], 2],
    ['three: the middle one', [30 * HOUR, 0.5 * HOUR, 100 * HOUR], 32],
    ['four: the second smallest', [1, 2 * HOUR, 3 * HOUR, 400 * HOUR], 2],
    ['an even count in one bin', [HOUR / 2, HOUR / 3], 1],
    ['times on bounds', [HOUR, HOUR, 2 * HOUR, 2 * HOUR], 1],
  ])('%s', (_, seconds, median) => {
    expect(medianHoursOf(countsOf(seconds))).toBe(median);
  });
});
