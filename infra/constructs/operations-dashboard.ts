import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AlarmStatusWidget,
  GraphWidget,
  TextWidget,
  type IAlarm,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { DECISION_OUTCOMES } from '../../functions/domain/case.js';
import type { TableName } from '../../functions/wiring/tables.js';
import { businessMetric, FIVE_MINUTES, systemErrorsOf } from './operations-metrics.js';
import type { ServiceFunction } from './service-function.js';

export interface DashboardSources {
  props: {
    api: RestApi;
    stateMachine: IStateMachine;
    tables: Readonly<Record<TableName, ITable>>;
    deadLetterQueue: IQueue;
  };
  functions: readonly ServiceFunction[];
  alarms: readonly IAlarm[];
  breachRate: IMetric;
  lateness: IMetric;
}

/**
 * The operations dashboard, top to bottom: the alarms' states, the business metrics, the workflow, the API and the work
 * queue, each kind of function's errors, throttles and p99 duration, each table's throttles and system errors.
 */
export const operationsWidgets = (sources: DashboardSources): IWidget[] => {
  const { props, functions, alarms } = sources;
  const graph = (title: string, left: IMetric[], options: { right?: IMetric[]; width?: number } = {}) =>
    new GraphWidget({ title, left, right: options.right, width: options.width ?? 8, height: 6 });
  const byKind = (kind: ServiceFunction['kind']) => functions.filter((fn) => fn.kind === kind);
  const label = (fn: ServiceFunction) => fn.node.id;
  const lambdaWidgets = (['http', 'task', 'schedule', 'queue', 'bucketEvent'] as const)
    .filter((kind) => byKind(kind).length > 0)
    .flatMap((kind) => [
      graph(
        `Lambda errors (${kind})`,
        byKind(kind).map((fn) => fn.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES, label: label(fn) })),
      ),
      graph(
        `Lambda throttles (${kind})`,
        byKind(kind).map((fn) => fn.metricThrottles({ statistic: 'Sum', period: FIVE_MINUTES, label: label(fn) })),
      ),
      graph(
        `Lambda duration p99 (${kind})`,
        byKind(kind).map((fn) => fn.metricDuration({ statistic: 'p99', period: FIVE_MINUTES, label: label(fn) })),
      ),
    ]);
  const tables = Object.entries(props.tables) as Array<[TableName, ITable]>;
  return [
    new TextWidget({
      markdown:
        '# After-sales service\nBusiness metrics (namespace `AfterSales`, counted from the timeline events of every written case change), then the API, functions, workflow, tables and queues. Alarms go to the alarm topic (infra/README.md, "Operations").',
      width: 24,
      height: 2,
    }),
    new AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 24, height: 4 }),
    graph('Cases received, survey answers', [businessMetric('CasesReceived'), businessMetric('SurveyAnswers')]),
    graph(
      'Decisions by outcome',
      DECISION_OUTCOMES.map((outcome) => businessMetric('Decisions', { dimensions: { outcome }, label: outcome })),
    ),
    graph('SLA breaches, escalations, workflow and email failures', [
      businessMetric('SlaBreaches'),
      businessMetric('Escalations'),
      businessMetric('WorkflowFailures'),
      businessMetric('NotificationFailures'),
    ]),
    graph('SLA breaches per 100 cases received (6 h)', [sources.breachRate]),
    graph('SLA step lateness, seconds (max)', [sources.lateness]),
    graph('Workflow executions', [
      props.stateMachine.metricStarted({ statistic: 'Sum', period: FIVE_MINUTES }),
      props.stateMachine.metricFailed({ statistic: 'Sum', period: FIVE_MINUTES }),
      props.stateMachine.metricTimedOut({ statistic: 'Sum', period: FIVE_MINUTES }),
      props.stateMachine.metricAborted({ statistic: 'Sum', period: FIVE_MINUTES }),
    ]),
    graph('API requests and errors', [
      props.api.metricCount({ statistic: 'Sum', period: FIVE_MINUTES }),
      props.api.metricClientError({ statistic: 'Sum', period: FIVE_MINUTES, label: '4XX' }),
      props.api.metricServerError({ statistic: 'Sum', period: FIVE_MINUTES, label: '5XX' }),
    ]),
    graph('API latency (ms)', [
      props.api.metricLatency({ statistic: 'p50', period: FIVE_MINUTES, label: 'p50' }),
      props.api.metricLatency({ statistic: 'p99', period: FIVE_MINUTES, label: 'p99' }),
      props.api.metricIntegrationLatency({ statistic: 'p99', period: FIVE_MINUTES, label: 'integration p99' }),
    ]),
    graph('Work queue', [
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        statistic: 'Maximum',
        period: FIVE_MINUTES,
        label: 'Dead letters',
      }),
    ]),
    ...lambdaWidgets,
    graph(
      'DynamoDB read throttle events',
      tables.map(([name, table]) =>
        table.metric('ReadThrottleEvents', { statistic: 'Sum', period: FIVE_MINUTES, label: name }),
      ),
    ),
    graph(
      'DynamoDB write throttle events',
      tables.map(([name, table]) =>
        table.metric('WriteThrottleEvents', { statistic: 'Sum', period: FIVE_MINUTES, label: name }),
      ),
    ),
    graph(
      'DynamoDB system errors',
      tables.map(([name, table]) => systemErrorsOf(name, table)),
    ),
  ];
};
