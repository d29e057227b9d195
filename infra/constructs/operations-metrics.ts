import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { BusinessMetric, SLA_STEP_LATENESS } from '../../functions/domain/operations-metrics.js';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../../functions/wiring/metrics.js';

// The metrics and periods the operations alarms (operations.ts) and dashboard (operations-dashboard.ts) share.

export const FIVE_MINUTES = Duration.minutes(5);
export const GRAPH_PERIOD = Duration.hours(1);

/** The DynamoDB operations the functions call (system errors are reported per operation). */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/** One table's system errors over the operations the functions call (ids unique per table, for a shared graph). */
export const systemErrorsOf = (name: string, table: ITable): MathExpression => {
  const metricIdOf = (operation: Operation): string => `${name.toLowerCase()}${operation.toLowerCase()}`;
  const usingMetrics: Record<string, IMetric> = {};
  for (const operation of TABLE_OPERATIONS) {
    usingMetrics[metricIdOf(operation)] = table.metric('SystemErrors', {
      statistic: 'Sum',
      dimensionsMap: { TableName: table.tableName, Operation: operation },
    });
  }
  return new MathExpression({
    expression: TABLE_OPERATIONS.map((operation) => `FILL(${metricIdOf(operation)}, 0)`).join(' + '),
    usingMetrics,
    label: name,
    period: FIVE_MINUTES,
  });
};

export const businessMetric = (
  name: BusinessMetric | typeof SLA_STEP_LATENESS,
  options: { statistic?: string; period?: Duration; dimensions?: Record<string, string>; label?: string } = {},
): Metric =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE, ...options.dimensions },
    statistic: options.statistic ?? 'Sum',
    period: options.period ?? GRAPH_PERIOD,
    label: options.label ?? name,
  });
