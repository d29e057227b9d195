import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { MetricPoint } from '../../domain/operations-metrics.js';
import type { CaseMetrics } from '../../ports/case-metrics.js';

const UNITS = { Count: MetricUnit.Count, Seconds: MetricUnit.Seconds } as const;

/**
 * Case metrics as CloudWatch EMF through Powertools: buffered, flushed by the handler's `logMetrics`. A decision's
 * outcome is its own dimension, so it goes out at once as a single metric (the buffer's dimensions are shared by all).
 */
export class PowertoolsCaseMetrics implements CaseMetrics {
  constructor(private readonly metrics: Metrics) {}

  record(points: readonly MetricPoint[]): void {
    for (const point of points) {
      if ('outcome' in point && point.outcome !== undefined) {
        const single = this.metrics.singleMetric();
        single.addDimension('outcome', point.outcome);
        single.addMetric(point.name, UNITS[point.unit], point.value);
      } else {
        this.metrics.addMetric(point.name, UNITS[point.unit], point.value);
      }
    }
  }
}
