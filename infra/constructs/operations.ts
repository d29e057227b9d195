import { Aws, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  MathExpression,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SLA_STEP_LATENESS } from '../../functions/domain/operations-metrics.js';
import type { TableName } from '../../functions/wiring/tables.js';
import { operationsWidgets } from './operations-dashboard.js';
import { businessMetric, FIVE_MINUTES } from './operations-metrics.js';
import type { ServiceFunction } from './service-function.js';

export interface OperationsProps {
  /** `-c alarmTopicArn=`: an existing topic for every alarm; absent, a topic of the stack's own (its ARN is output). */
  alarmTopicArn?: string;
  api: RestApi;
  /** Every function of the stack: their errors and throttles are alarmed, in groups of `FUNCTIONS_PER_ALARM`. */
  functions: readonly ServiceFunction[];
  stateMachine: IStateMachine;
  tables: Readonly<Record<TableName, ITable>>;
  deadLetterQueue: IQueue;
}

/** What each alarm fires at (documented in infra/README.md, "Operations"). */
export const ALARM_THRESHOLDS = {
  /** Executions failed or timed out in 5 minutes: a step gave up after its retries (the case is on the failed list). */
  failedExecutions: 1,
  /** Errors (or throttles) of a group of functions in 5 minutes. */
  lambdaErrors: 1,
  lambdaThrottles: 1,
  /** 5xx answers of the API in 5 minutes (unexpected errors; 503 "busy" answers included). */
  api5xx: 5,
  /** Read + write throttle events of one table in 5 minutes. */
  dynamoThrottles: 1,
  /** SLA breaches per 100 cases received over 6 hours, once at least `slaBreachRateMinCases` cases came in. */
  slaBreachRatePercent: 20,
  slaBreachRateMinCases: 10,
  /** Seconds an SLA step ran after its wait was due to wake (the workflow sat parked past the deadline). */
  slaStepLatenessSeconds: 300,
  /** Background jobs that failed every delivery. */
  deadLetters: 1,
  /** Emails that failed for good (`notification_failed` events) in 5 minutes: a customer or staff was not told. */
  notificationFailures: 1,
} as const;

/** CloudWatch alarms on metric math take at most 10 metrics (a hard limit). */
export const FUNCTIONS_PER_ALARM = 10;

const BREACH_RATE_PERIOD = Duration.hours(6);

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/** The sum of up to 10 metrics, for one alarm. */
const sumOf = (metrics: readonly IMetric[], label: string, period: Duration): MathExpression =>
  new MathExpression({
    expression: `SUM([${metrics.map((_, index) => `m${index}`).join(',')}])`,
    usingMetrics: Object.fromEntries(metrics.map((metric, index) => [`m${index}`, metric])),
    label,
    period,
  });

/**
 * Operations: the business metrics the functions write (EMF, `functions/domain/operations-metrics.ts`) and the AWS
 * metrics of the API, functions, workflow, tables and dead-letter queue on one dashboard, and alarms on what needs a
 * person, each sending to one SNS topic (`alarmTopicArn`, or a KMS-encrypted, TLS-only topic of this stack).
 */
export class Operations extends Construct {
  readonly alarmTopic: ITopic;
  readonly dashboard: Dashboard;
  readonly alarms: ReadonlyMap<string, Alarm>;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const alarmNamePrefix = `${stack.stackName}-`;
    this.alarmTopic = props.alarmTopicArn
      ? Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)
      : this.ownAlarmTopic(alarmNamePrefix);

    const alarms = new Map<string, Alarm>();
    const alarm = (name: string, metric: IMetric, threshold: number, description: string): Alarm => {
      const created = new Alarm(this, `${name}Alarm`, {
        alarmName: `${alarmNamePrefix}${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data is no trouble: a quiet hour has no errors, no breaches, no late steps.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(this.alarmTopic));
      alarms.set(name, created);
      return created;
    };

    // Workflow
    const failedExecutions = new MathExpression({
      expression: 'FILL(failed, 0) + FILL(timedOut, 0)',
      usingMetrics: {
        failed: props.stateMachine.metricFailed({ statistic: 'Sum' }),
        timedOut: props.stateMachine.metricTimedOut({ statistic: 'Sum' }),
      },
      label: 'Executions failed or timed out',
      period: FIVE_MINUTES,
    });
    alarm(
      'FailedExecutions',
      failedExecutions,
      ALARM_THRESHOLDS.failedExecutions,
      'Case workflow executions failed or timed out: a step gave up after its retries. The case is on the failed-workflow list (GET /v1/staff/workflow-failures); retry it once the cause is fixed.',
    );

    // Functions, in groups (an alarm's metric math takes at most 10 metrics)
    const functions = [...props.functions].sort((a, b) => a.node.path.localeCompare(b.node.path));
    chunks(functions, FUNCTIONS_PER_ALARM).forEach((group, index) => {
      const names = group.map((fn) => fn.node.id).join(', ');
      alarm(
        `LambdaErrors${index + 1}`,
        sumOf(
          group.map((fn) => fn.metricErrors({ statistic: 'Sum' })),
          'Errors',
          FIVE_MINUTES,
        ),
        ALARM_THRESHOLDS.lambdaErrors,
        `Invocations that failed (uncaught error, timeout) in functions: ${names}`.slice(0, 1024),
      );
      alarm(
        `LambdaThrottles${index + 1}`,
        sumOf(
          group.map((fn) => fn.metricThrottles({ statistic: 'Sum' })),
          'Throttles',
          FIVE_MINUTES,
        ),
        ALARM_THRESHOLDS.lambdaThrottles,
        `Invocations throttled (account or function concurrency) in functions: ${names}`.slice(0, 1024),
      );
    });

    // API
    alarm(
      'Api5xx',
      props.api.metricServerError({ statistic: 'Sum', period: FIVE_MINUTES }),
      ALARM_THRESHOLDS.api5xx,
      'The API answered 5xx: unexpected errors in a route (see its function log) or 503 service-busy answers.',
    );

    // Tables
    for (const [name, table] of Object.entries(props.tables) as Array<[TableName, ITable]>) {
      alarm(
        `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}TableThrottles`,
        new MathExpression({
          expression: 'FILL(reads, 0) + FILL(writes, 0)',
          usingMetrics: {
            reads: table.metric('ReadThrottleEvents', { statistic: 'Sum' }),
            writes: table.metric('WriteThrottleEvents', { statistic: 'Sum' }),
          },
          label: `${name} throttle events`,
          period: FIVE_MINUTES,
        }),
        ALARM_THRESHOLDS.dynamoThrottles,
        `DynamoDB throttled reads or writes on the ${name} table (on-demand: a hot partition or a sudden burst).`,
      );
    }

    // SLA breach rate: breaches per 100 cases received, counted only once enough cases came in to mean something.
    const breachRate = new MathExpression({
      expression: `IF(FILL(received, 0) >= ${ALARM_THRESHOLDS.slaBreachRateMinCases}, 100 * FILL(breaches, 0) / received, 0)`,
      usingMetrics: {
        breaches: businessMetric('SlaBreaches', { period: BREACH_RATE_PERIOD }),
        received: businessMetric('CasesReceived', { period: BREACH_RATE_PERIOD }),
      },
      label: 'SLA breaches per 100 cases received',
      period: BREACH_RATE_PERIOD,
    });
    alarm(
      'SlaBreachRate',
      breachRate,
      ALARM_THRESHOLDS.slaBreachRatePercent,
      `${ALARM_THRESHOLDS.slaBreachRatePercent} or more SLA breaches per 100 cases received over 6 hours (all stores): the team is short of agents or cases go unassigned.`,
    );

    // Workflows parked past their deadline
    const lateness = businessMetric(SLA_STEP_LATENESS, { statistic: 'Maximum', period: FIVE_MINUTES });
    alarm(
      'ParkedPastDeadline',
      lateness,
      ALARM_THRESHOLDS.slaStepLatenessSeconds,
      `An SLA step ran ${ALARM_THRESHOLDS.slaStepLatenessSeconds} s or more after its wait was due to wake: a workflow sat parked past a case's deadline (escalation task retrying or throttled).`,
    );

    alarm(
      'NotificationFailures',
      businessMetric('NotificationFailures', { period: FIVE_MINUTES }),
      ALARM_THRESHOLDS.notificationFailures,
      'An email failed for good (rejected address, unverified identity, nobody to send to, or the mail service failing past every retry): the case has a notification_failed event naming the email; check SES (sandbox, identity, suppression list) and tell the customer another way.',
    );

    alarm(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: FIVE_MINUTES }),
      ALARM_THRESHOLDS.deadLetters,
      'Background jobs (SLA re-timing, capacity offers) failed every delivery and wait in the dead-letter queue: fix the cause, then redrive.',
    );
    this.alarms = alarms;

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${stack.stackName}-operations`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      ...operationsWidgets({ props, functions, alarms: [...alarms.values()], breachRate, lateness }),
    );
  }

  /** A topic of this stack: encrypted with its own key, TLS only, and published to by this stack's alarms only. */
  private ownAlarmTopic(alarmNamePrefix: string): Topic {
    const fromOurAlarms = {
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnLike: {
        'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:${alarmNamePrefix}*`,
      },
    };
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'After-sales service: encrypts the alarm notification topic',
      enableKeyRotation: true,
      // Holds no data at rest beyond notifications in flight: deleted with the stack (after the pending window).
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // CloudWatch cannot publish to an encrypted topic without these (SNS developer guide, "Key management").
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: fromOurAlarms,
      }),
    );
    const topic = new Topic(this, 'AlarmTopic', {
      displayName: 'After-sales service alarms',
      masterKey: key,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: fromOurAlarms,
      }),
    );
    new CfnOutput(Stack.of(this), 'AlarmTopicArn', {
      value: topic.topicArn,
      description: 'SNS topic of every alarm: subscribe the on-call address (or pass -c alarmTopicArn=<your topic>)',
    });
    return topic;
  }
}
