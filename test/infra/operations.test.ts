import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUSINESS_METRICS, SLA_STEP_LATENESS } from '../../functions/domain/operations-metrics.js';
import { TABLES } from '../../functions/wiring/tables.js';
import { readDeploymentConfig } from '../../infra/config.js';
import { ALARM_THRESHOLDS, FUNCTIONS_PER_ALARM } from '../../infra/constructs/operations.js';
import { sharedSynth } from './shared-synth.js';
import { logicalIdOf, synthesize, templateOf, type CfnResource } from './synth.js';

interface MetricStat {
  Metric: { Namespace: string; MetricName: string; Dimensions?: Array<{ Name: string; Value: unknown }> };
  Stat: string;
  Period: number;
}
interface AlarmProperties {
  AlarmName: string;
  AlarmActions: unknown[];
  Threshold: number;
  ComparisonOperator: string;
  MetricName?: string;
  Namespace?: string;
  Statistic?: string;
  Dimensions?: Array<{ Name: string; Value: unknown }>;
  Metrics?: Array<{ Id: string; Expression?: string; MetricStat?: MetricStat; ReturnData?: boolean }>;
}

const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:on-call';

// The shared app (its own alarm topic), and a variant given a topic, synthesized here at module scope: no hook's
// timeout runs while it synthesizes. Only the templates are looked at: no bundling.
const own = await sharedSynth();
const given = synthesize({ skipBundling: true, context: { stage: 'test', alarmTopicArn: TOPIC_ARN } });
const ownResources: Record<string, CfnResource> = templateOf(own).Resources;
afterAll(() => given.cleanup());

const ofType = (resources: Record<string, CfnResource>, type: string): Array<[string, CfnResource]> =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

const alarmsOf = (resources: Record<string, CfnResource>): Map<string, AlarmProperties> =>
  new Map(
    ofType(resources, 'AWS::CloudWatch::Alarm').map(([, resource]) => {
      const properties = resource.Properties as unknown as AlarmProperties;
      return [properties.AlarmName.replace(/^after-sales-test-/, ''), properties];
    }),
  );

const alarm = (name: string): AlarmProperties => {
  const found = alarmsOf(ownResources).get(name);
  if (!found) throw new Error(`No alarm ${name}`);
  return found;
};

/** The metrics an alarm reads: its own, or those of its metric math. */
const metricsOf = (properties: AlarmProperties): MetricStat['Metric'][] =>
  properties.Metrics
    ? properties.Metrics.flatMap((query) => (query.MetricStat ? [query.MetricStat.Metric] : []))
    : [
        {
          Namespace: properties.Namespace ?? '',
          MetricName: properties.MetricName ?? '',
          Dimensions: properties.Dimensions ?? [],
        },
      ];

const expressionOf = (properties: AlarmProperties): string | undefined =>
  properties.Metrics?.find((query) => query.ReturnData)?.Expression;

// The service's functions: CDK's deploy-time handler of the bucket's notification configuration is not one.
const functionIds = (): string[] =>
  ofType(ownResources, 'AWS::Lambda::Function')
    .map(([logicalId]) => logicalId)
    .filter((logicalId) => !logicalId.startsWith('BucketNotificationsHandler'))
    .sort();

describe('Stack: operations alarms', () => {
  it('alarms on failed and timed-out workflow executions', () => {
    const failed = alarm('FailedExecutions');
    const stateMachine = { Ref: logicalIdOf(own.stack.workflow.stateMachine) };

    expect(expressionOf(failed)).toBe('FILL(failed, 0) + FILL(timedOut, 0)');
    expect(metricsOf(failed)).toEqual([
      {
        Namespace: 'AWS/States',
        MetricName: 'ExecutionsFailed',
        Dimensions: [{ Name: 'StateMachineArn', Value: stateMachine }],
      },
      {
        Namespace: 'AWS/States',
        MetricName: 'ExecutionsTimedOut',
        Dimensions: [{ Name: 'StateMachineArn', Value: stateMachine }],
      },
    ]);
    expect(failed.Threshold).toBe(ALARM_THRESHOLDS.failedExecutions);
  });

  it.each(['Errors', 'Throttles'])(
    'alarms on Lambda %s of every function exactly once, at most 10 metrics per alarm',
    (metricName) => {
      const alarms = [...alarmsOf(ownResources)].filter(([name]) => name.startsWith(`Lambda${metricName}`));
      const covered = alarms.flatMap(([, properties]) => {
        const metrics = metricsOf(properties);
        expect(metrics.length).toBeLessThanOrEqual(FUNCTIONS_PER_ALARM);
        expect(expressionOf(properties)).toMatch(/^SUM\(\[m0(,m\d+)*\]\)$/);
        return metrics.map((metric) => {
          expect(metric).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metricName });
          return (metric.Dimensions?.[0]?.Value as { Ref: string }).Ref;
        });
      });

      expect(covered.sort()).toEqual(functionIds());
      expect(alarms).toHaveLength(Math.ceil(functionIds().length / FUNCTIONS_PER_ALARM));
    },
  );

  it('alarms on the API answering 5xx', () => {
    expect(alarm('Api5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Sum',
      Dimensions: [{ Name: 'ApiName', Value: 'after-sales-test-api' }],
      Threshold: ALARM_THRESHOLDS.api5xx,
    });
  });

  it.each(TABLES.map((table) => table.name))('alarms on read and write throttles of the %s table', (name) => {
    const throttles = alarm(`${name[0]?.toUpperCase()}${name.slice(1)}TableThrottles`);
    const table = { Ref: logicalIdOf(own.stack.data.tables[name]) };

    expect(metricsOf(throttles)).toEqual([
      {
        Namespace: 'AWS/DynamoDB',
        MetricName: 'ReadThrottleEvents',
        Dimensions: [{ Name: 'TableName', Value: table }],
      },
      {
        Namespace: 'AWS/DynamoDB',
        MetricName: 'WriteThrottleEvents',
        Dimensions: [{ Name: 'TableName', Value: table }],
      },
    ]);
  });

  it('alarms on the SLA breach rate: breaches per 100 cases received over 6 hours, from the business metrics', () => {
    const rate = alarm('SlaBreachRate');

    expect(expressionOf(rate)).toBe('IF(FILL(received, 0) >= 10, 100 * FILL(breaches, 0) / received, 0)');
    expect(rate.Metrics?.filter((query) => query.MetricStat)).toEqual([
      expect.objectContaining({ Id: 'breaches', MetricStat: expect.objectContaining({ Stat: 'Sum', Period: 21_600 }) }),
      expect.objectContaining({ Id: 'received', MetricStat: expect.objectContaining({ Stat: 'Sum', Period: 21_600 }) }),
    ]);
    expect(metricsOf(rate)).toEqual([
      { Namespace: 'AfterSales', MetricName: 'SlaBreaches', Dimensions: [{ Name: 'service', Value: 'after-sales' }] },
      { Namespace: 'AfterSales', MetricName: 'CasesReceived', Dimensions: [{ Name: 'service', Value: 'after-sales' }] },
    ]);
    expect(rate.Threshold).toBe(ALARM_THRESHOLDS.slaBreachRatePercent);
  });

  it('alarms on a workflow parked past its deadline: the SLA step lateness, at its maximum', () => {
    const parked = alarm('ParkedPastDeadline');

    expect(metricsOf(parked)).toEqual([
      {
        Namespace: 'AfterSales',
        MetricName: SLA_STEP_LATENESS,
        Dimensions: [{ Name: 'service', Value: 'after-sales' }],
      },
    ]);
    expect(parked.Metrics?.[0]?.MetricStat).toMatchObject({ Stat: 'Maximum', Period: 300 });
    expect(parked).toMatchObject({
      Threshold: ALARM_THRESHOLDS.slaStepLatenessSeconds,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('alarms on an email that failed for good (notification_failed), from the business metric', () => {
    const failed = alarm('NotificationFailures');

    expect(metricsOf(failed)).toEqual([
      {
        Namespace: 'AfterSales',
        MetricName: 'NotificationFailures',
        Dimensions: [{ Name: 'service', Value: 'after-sales' }],
      },
    ]);
    expect(failed.Metrics?.[0]?.MetricStat).toMatchObject({ Stat: 'Sum', Period: 300 });
    expect(failed).toMatchObject({
      Threshold: ALARM_THRESHOLDS.notificationFailures,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(ALARM_THRESHOLDS.notificationFailures).toBe(1);
  });

  it('alarms on dead-lettered background jobs', () => {
    expect(alarm('DeadLetters')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalIdOf(own.stack.workQueues.deadLetterQueue), 'QueueName'] },
        },
      ],
    });
  });

  it('sends every alarm to the stack topic, encrypted with its own key, TLS only, published to by its alarms', () => {
    const topicId = logicalIdOf(own.stack.operations.alarmTopic);
    const [[, topic]] = ofType(ownResources, 'AWS::SNS::Topic') as [[string, CfnResource]];
    const [[, policy]] = ofType(ownResources, 'AWS::SNS::TopicPolicy') as [[string, CfnResource]];

    for (const properties of alarmsOf(ownResources).values())
      expect(properties.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(topic.Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^OperationsAlarmTopicKey/), 'Arn'],
    });
    expect(JSON.stringify(policy.Properties)).toContain('"aws:SecureTransport":"false"');
    expect(policy.Properties.PolicyDocument).toMatchObject({
      Statement: expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
        }),
      ]),
    });
    expect(templateOf(own).Outputs.AlarmTopicArn?.Value).toEqual({ Ref: topicId });
  });
});

describe('Stack: operations with -c alarmTopicArn', () => {
  it('imports the topic: every alarm notifies it, and the stack creates no topic of its own', () => {
    const resources = templateOf(given).Resources;
    const alarms = [...alarmsOf(resources).values()];

    expect(alarms.length).toBe(alarmsOf(ownResources).size);
    for (const properties of alarms) expect(properties.AlarmActions).toEqual([TOPIC_ARN]);
    expect(ofType(resources, 'AWS::SNS::Topic')).toEqual([]);
    expect(templateOf(given).Outputs.AlarmTopicArn).toBeUndefined();
  });
});

describe('Config: alarmTopicArn', () => {
  const read = (alarmTopicArn: unknown) => () => readDeploymentConfig(new App({ context: { alarmTopicArn } }).node);

  it('is absent by default', () => {
    expect(readDeploymentConfig(new App().node).alarmTopicArn).toBeUndefined();
  });

  it.each([TOPIC_ARN, 'arn:aws-cn:sns:cn-north-1:123456789012:alarms_1'])('accepts %s', (arn) => {
    expect(read(arn)().alarmTopicArn).toBe(arn);
  });

  it.each(['on-call', 'arn:aws:sqs:eu-west-1:123456789012:on-call', 'arn:aws:sns:eu-west-1:123456789012:on-call.fifo'])(
    'refuses %s',
    (arn) => {
      expect(read(arn)).toThrow('Context "alarmTopicArn" must be an SNS topic ARN');
    },
  );
});

describe('Stack: operations dashboard', () => {
  it('shows the business metrics and the API, Lambda, Step Functions, DynamoDB and dead-letter metrics', () => {
    const [[, dashboard]] = ofType(ownResources, 'AWS::CloudWatch::Dashboard') as [[string, CfnResource]];
    const body = JSON.stringify(dashboard.Properties.DashboardBody);

    expect(dashboard.Properties.DashboardName).toBe('after-sales-test-operations');
    for (const metric of [
      ...BUSINESS_METRICS,
      SLA_STEP_LATENESS,
      '4XXError',
      '5XXError',
      'Latency',
      'Errors',
      'Throttles',
      'Duration',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'SystemErrors',
      'ApproximateNumberOfMessagesVisible',
    ]) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
    for (const fn of functionIds()) expect(body, fn).toContain(`"Ref":"${fn}"`);
    for (const table of TABLES) expect(body).toContain(`"Ref":"${logicalIdOf(own.stack.data.tables[table.name])}"`);
    expect(body).toContain('\\"outcome\\",\\"rejected\\"');
    expect(body).toContain('\\"type\\":\\"alarm\\"');
  });
});
