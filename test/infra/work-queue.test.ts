import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_QUEUE } from '../../functions/wiring/queues.js';
import { ROUTES } from '../../functions/wiring/routes.js';
import { WORKFLOW_TASKS } from '../../functions/wiring/tasks.js';
import type { ServiceFunction } from '../../infra/constructs/service-function.js';
import {
  asList,
  getAtt,
  logicalIdOf,
  synthesize,
  templateOf,
  type CfnResource,
  type Statement,
  type Synthesized,
} from './synth.js';

let synth: Synthesized;
let resources: Record<string, CfnResource>;

beforeAll(() => {
  // Only the template is looked at: no bundling.
  synth = synthesize({ skipBundling: true, context: { mailFrom: 'care@shop.example', stage: 'test' } });
  resources = templateOf(synth).Resources;
});
afterAll(() => synth?.cleanup());

const resource = (logicalId: string): CfnResource => {
  const found = resources[logicalId];
  if (!found) throw new Error(`No resource ${logicalId}`);
  return found;
};

/** The statements of a function role's own policy. */
const statementsOf = (fn: ServiceFunction): Statement[] =>
  (
    resource(logicalIdOf(fn.serviceRole.node.findChild('DefaultPolicy'))).Properties.PolicyDocument as {
      Statement: Statement[];
    }
  ).Statement;

const consumer = (): ServiceFunction => {
  const fn = synth.stack.workQueues.consumer;
  if (!fn) throw new Error('No work queue consumer');
  return fn;
};

describe('Stack: work queue', () => {
  it('encrypts the queue and its dead-letter queue with the data key, and redrives after maxReceiveCount deliveries', () => {
    const queue = resource(logicalIdOf(synth.stack.workQueues.queue)).Properties;
    const deadLetters = resource(logicalIdOf(synth.stack.workQueues.deadLetterQueue)).Properties;
    const keyArn = getAtt(logicalIdOf(synth.stack.data.key));

    expect(queue).toMatchObject({
      KmsMasterKeyId: keyArn,
      VisibilityTimeout: WORK_QUEUE.timeoutSeconds * 6,
      RedrivePolicy: {
        deadLetterTargetArn: getAtt(logicalIdOf(synth.stack.workQueues.deadLetterQueue)),
        maxReceiveCount: WORK_QUEUE.maxReceiveCount,
      },
    });
    expect(deadLetters).toMatchObject({ KmsMasterKeyId: keyArn, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('denies requests without TLS on both queues', () => {
    const policies = Object.values(resources).filter((found) => found.Type === 'AWS::SQS::QueuePolicy');
    const guarded = policies.flatMap((policy) => {
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      const deniesPlainText = statements.some(
        (statement) =>
          statement.Effect === 'Deny' &&
          JSON.stringify(statement.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
      );
      return deniesPlainText ? policy.Properties.Queues : [];
    });
    expect(guarded).toEqual(
      expect.arrayContaining([
        { Ref: logicalIdOf(synth.stack.workQueues.queue) },
        { Ref: logicalIdOf(synth.stack.workQueues.deadLetterQueue) },
      ]),
    );
  });

  it('feeds the consumer one message at a time, reporting partial failures, with at most 5 running', () => {
    const mappings = Object.values(resources).filter((found) => found.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      EventSourceArn: getAtt(logicalIdOf(synth.stack.workQueues.queue)),
      FunctionName: { Ref: logicalIdOf(consumer()) },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    expect(resource(logicalIdOf(consumer())).Properties.Timeout).toBe(WORK_QUEUE.timeoutSeconds);
  });

  it('lets the consumer receive and delete on its queue only, and decrypt the key through SQS only', () => {
    const statements = statementsOf(consumer());
    const receive = statements.find((statement) => asList(statement.Action).includes('sqs:ReceiveMessage'));
    expect(receive?.Resource).toEqual(getAtt(logicalIdOf(synth.stack.workQueues.queue)));
    for (const statement of statements.filter((found) => asList(found.Action).includes('kms:Decrypt'))) {
      expect(JSON.stringify(statement.Condition)).toContain('kms:ViaService');
    }
    expect(
      statements.some(
        (statement) =>
          asList(statement.Action).includes('kms:Decrypt') && JSON.stringify(statement.Condition).includes('sqs.'),
      ),
    ).toBe(true);
  });

  it('lets exactly the functions declaring workQueue send to the queue, and to it only', () => {
    const declared = [
      ...synth.stack.api.routes.map(({ route, fn }) => ({ name: route.name, enqueues: route.capabilities, fn })),
      ...WORKFLOW_TASKS.map((task) => ({
        name: task.name,
        enqueues: task.capabilities,
        fn: synth.stack.workflow.functions.get(task.name) as ServiceFunction,
      })),
      { name: 'work consumer', enqueues: WORK_QUEUE.capabilities, fn: consumer() },
    ];
    expect(declared).toHaveLength(ROUTES.length + WORKFLOW_TASKS.length + 1);
    for (const { name, enqueues, fn } of declared) {
      const sends = statementsOf(fn).filter((statement) => asList(statement.Action).includes('sqs:SendMessage'));
      expect(sends.length > 0, name).toBe(enqueues.workQueue === true);
      for (const statement of sends)
        expect(statement.Resource, name).toEqual(getAtt(logicalIdOf(synth.stack.workQueues.queue)));
      const variables = (resource(logicalIdOf(fn)).Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(variables[WORK_QUEUE.urlEnvVar] !== undefined, name).toBe(enqueues.workQueue === true);
    }
  });

  it('gives the SLA policy save only the stores table and the queue: no case, agent or workflow access', () => {
    const save = synth.stack.api.routes.find(({ route }) => route.name === 'putSlaPolicy');
    expect(save?.route.capabilities).toEqual({ tables: { stores: 'readWrite' }, workQueue: true });
  });
});
