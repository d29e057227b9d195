import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDuration } from '../../../../functions/domain/sla/business-duration.js';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  nextOpening,
} from '../../../../functions/domain/sla/business-time.js';
import { clockReachesAt, runningBusinessSeconds } from '../../../../functions/domain/sla/sla-clock.js';
import {
  ALWAYS_OPEN,
  ALWAYS_OPEN_NEW_YORK,
  EVENINGS,
  GOLDEN_WEEK,
  HOUR,
  NEW_YORK,
  NEW_YORK_SUNDAYS,
  OFFICE,
  SPLIT,
} from './calendars.js';

const calendars = fc.constantFrom(
  OFFICE,
  SPLIT,
  GOLDEN_WEEK,
  NEW_YORK,
  NEW_YORK_SUNDAYS,
  EVENINGS,
  ALWAYS_OPEN,
  ALWAYS_OPEN_NEW_YORK,
);

// 2026 to 2028: both DST changes each year in New York, Golden Week, the leap day. Whole seconds, as events are stored.
const instants = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z') / 1000, max: Date.parse('2029-01-01T00:00:00Z') / 1000 })
  .map((seconds) => new Date(seconds * 1000));
const businessSeconds = fc.integer({ min: 0, max: 120 * HOUR });

describe('Function: addBusinessSeconds (properties)', () => {
  it('adding A then B equals adding A + B', () => {
    fc.assert(
      fc.property(calendars, instants, businessSeconds, businessSeconds, (calendar, start, a, b) => {
        const stepwise = addBusinessSeconds(calendar, addBusinessSeconds(calendar, start, a), b);
        expect(stepwise.toISOString()).toBe(addBusinessSeconds(calendar, start, a + b).toISOString());
      }),
    );
  });

  it('the business time from the start to start + d is d', () => {
    fc.assert(
      fc.property(calendars, instants, businessSeconds, (calendar, start, seconds) => {
        expect(businessSecondsBetween(calendar, start, addBusinessSeconds(calendar, start, seconds))).toBe(seconds);
      }),
    );
  });

  it('is the earliest instant: any instant before it has less business time behind it', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 1, max: 120 * HOUR }), (calendar, start, seconds) => {
        const due = addBusinessSeconds(calendar, start, seconds);
        expect(businessSecondsBetween(calendar, start, new Date(due.getTime() - 1000))).toBeLessThan(seconds);
      }),
    );
  });
});

describe('Function: businessSecondsBetween (properties)', () => {
  it('adds up over consecutive stretches', () => {
    const seconds = fc.integer({ min: 0, max: 60 * 86_400 });
    fc.assert(
      fc.property(calendars, instants, seconds, seconds, (calendar, a, first, second) => {
        const b = new Date(a.getTime() + first * 1000);
        const c = new Date(b.getTime() + second * 1000);
        expect(businessSecondsBetween(calendar, a, c)).toBe(
          businessSecondsBetween(calendar, a, b) + businessSecondsBetween(calendar, b, c),
        );
      }),
    );
  });

  it('never exceeds the elapsed time', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 30 * 86_400 }), (calendar, from, span) => {
        const to = new Date(from.getTime() + span * 1000);
        expect(businessSecondsBetween(calendar, from, to)).toBeLessThanOrEqual(span);
      }),
    );
  });
});

describe('Function: nextOpening (properties)', () => {
  it('is no earlier than the instant, with no business time in between, and open', () => {
    fc.assert(
      fc.property(calendars, instants, (calendar, at) => {
        const opening = nextOpening(calendar, at);
        expect(opening.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(businessSecondsBetween(calendar, at, opening)).toBe(0);
        expect(businessSecondsBetween(calendar, opening, new Date(opening.getTime() + 1000))).toBe(1);
      }),
    );
  });
});

describe('Function: addBusinessDuration (properties)', () => {
  it('lands on the earliest instant with its business time, later for more working days', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 10 }), (calendar, start, days) => {
        const due = addBusinessDuration(calendar, start, `P${days}D`);
        const next = addBusinessDuration(calendar, start, `P${days + 1}D`);
        const spent = businessSecondsBetween(calendar, start, due);
        expect(addBusinessSeconds(calendar, start, spent).toISOString()).toBe(due.toISOString());
        expect(businessSecondsBetween(calendar, start, next)).toBeGreaterThan(spent);
      }),
    );
  });
});

describe('Function: clockReachesAt (properties)', () => {
  const closedPauses = fc.array(
    fc.record({
      offset: fc.integer({ min: -2 * 86_400, max: 20 * 86_400 }),
      length: fc.integer({ min: 0, max: 5 * 86_400 }),
    }),
    { maxLength: 4 },
  );

  it('has counted exactly the target at the due time, whatever the pauses', () => {
    fc.assert(
      fc.property(calendars, instants, businessSeconds, closedPauses, (calendar, startedAt, target, spans) => {
        const pauses = spans.map(({ offset, length }) => {
          const from = new Date(startedAt.getTime() + offset * 1000);
          return { from, to: new Date(from.getTime() + length * 1000) };
        });
        const dueAt = clockReachesAt(calendar, { startedAt, pauses }, target);
        expect(dueAt).toBeDefined();
        if (dueAt) expect(runningBusinessSeconds(calendar, { startedAt, pauses }, dueAt)).toBe(target);
      }),
    );
  });
});
