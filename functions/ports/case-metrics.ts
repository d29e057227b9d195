import type { MetricPoint } from '../domain/operations-metrics.js';

/** Where the business metrics of written case changes go (CloudWatch EMF in AWS; nowhere locally). */
export interface CaseMetrics {
  /** Buffers the points; the function's handler flushes them once per invocation. Never throws. */
  record(points: readonly MetricPoint[]): void;
}
