import { describe, expect, it } from 'vitest';
import { clockPausesFrom } from '../../../../functions/domain/sla/clock-pauses.js';
import type { TimelineEvent } from '../../../../functions/domain/timeline.js';

type StatusEvent = Pick<TimelineEvent, 'type' | 'at' | 'from' | 'to'>;

const change = (at: string, from: string, to: string, type: StatusEvent['type'] = 'status_changed'): StatusEvent => ({
  type,
  at: `2026-11-23T${at}:00.000Z`,
  from,
  to,
});
const instant = (at: string): Date => new Date(`2026-11-23T${at}:00.000Z`);

describe('Function: clockPausesFrom', () => {
  it.each<[string, StatusEvent[], Array<{ from: Date; to?: Date }>]>([
    ['no events', [], []],
    ['no wait for the customer', [change('01:00', 'assigned', 'in_progress')], []],
    [
      'a wait the customer ended',
      [change('01:00', 'in_progress', 'awaiting_customer'), change('02:00', 'awaiting_customer', 'in_progress')],
      [{ from: instant('01:00'), to: instant('02:00') }],
    ],
    ['a wait still open', [change('01:00', 'in_progress', 'awaiting_customer')], [{ from: instant('01:00') }]],
    [
      'a wait ended by the resolution',
      [
        change('01:00', 'in_progress', 'awaiting_customer'),
        change('03:00', 'awaiting_customer', 'resolved', 'resolved'),
      ],
      [{ from: instant('01:00'), to: instant('03:00') }],
    ],
    [
      'a wait ended by cancellation',
      [
        change('01:00', 'in_progress', 'awaiting_customer'),
        change('03:00', 'awaiting_customer', 'cancelled', 'cancelled'),
      ],
      [{ from: instant('01:00'), to: instant('03:00') }],
    ],
    [
      'two waits, events out of order',
      [
        change('04:00', 'in_progress', 'awaiting_customer'),
        change('02:00', 'awaiting_customer', 'in_progress'),
        change('01:00', 'in_progress', 'awaiting_customer'),
      ],
      [{ from: instant('01:00'), to: instant('02:00') }, { from: instant('04:00') }],
    ],
    [
      'other events with from/to are not status changes',
      [
        { type: 'assigned', at: '2026-11-23T01:00:00.000Z', from: 'awaiting_customer', to: 'awaiting_customer' },
        { type: 'priority_overridden', at: '2026-11-23T02:00:00.000Z', to: 'awaiting_customer' },
      ],
      [],
    ],
  ])('reads %s', (_label, events, expected) => {
    // Act
    const pauses = clockPausesFrom(events);

    // Assess
    expect(pauses).toEqual(expected);
  });
});
