import { describe, expect, it } from 'vitest';
import type { KpiBucket } from '../../../../functions/domain/kpi/kpi-buckets.js';
import { DEFAULT_KPI_TARGETS, kpiFigures } from '../../../../functions/domain/kpi/kpi-rollup.js';
import { periodContaining } from '../../../../functions/domain/kpi/report-calendar.js';

const week = periodContaining('2026-05-04', 'week');

describe('Function: kpiFigures, breakdowns', () => {
  it('lists only the values with a figure in the period', () => {
    // Prepare: a type bucket holding only first-response counts, a root cause whose resolution a reopening withdrew
    const buckets: KpiBucket[] = [
      { dimension: 'type', value: 'repair', day: '2026-05-05', counts: { firstResponses: 1, received: 0 } },
      { dimension: 'type', value: 'return', day: '2026-05-05', counts: { received: 1 } },
      { dimension: 'rootCause', value: 'misuse', day: '2026-05-06', counts: { resolved: 0, resolutionBin3: 0 } },
      { dimension: 'rootCause', value: 'other', day: '2026-05-06', counts: { resolved: 1 } },
      { dimension: 'channel', value: 'app', day: '2026-05-06', counts: { received: 0 } },
      { dimension: 'channel', value: 'web', day: '2026-05-05', counts: { received: 1 } },
    ];

    // Act
    const [figures] = kpiFigures([week], buckets, DEFAULT_KPI_TARGETS);

    // Assess
    expect(figures?.byType).toEqual({ return: { received: 1, resolved: 0 } });
    expect(figures?.byRootCause).toEqual({ other: { resolved: 1 } });
    expect(figures?.byChannel).toEqual({ web: { received: 1 } });
  });
});
