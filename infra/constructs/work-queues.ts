import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { WORK_QUEUE } from '../../functions/wiring/queues.js';
import { bindCapabilities, ServiceFunction, viaService, type CapabilityResources } from './service-function.js';

export interface WorkQueuesProps {
  /** The data key: messages carry store ids and cursors only, but everything at rest here uses the one key. */
  key: IKey;
}

/** SQS hides a message being worked on for this many times the consumer's timeout (AWS recommends at least six). */
const VISIBILITY_TIMEOUT_FACTOR = 6;
/** Consumers at once: a large store's retime and a burst of capacity offers must not crowd the tables out. */
const MAX_CONSUMERS = 5;
/** A dead-lettered job is kept long enough to be looked at and redriven after a holiday. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * The background work queue of `functions/wiring/queues.ts` (`WORK_QUEUE`): an SQS queue and its dead-letter queue,
 * both encrypted with the data key and refusing requests without TLS, and (`addConsumer`, once the workflow's ARN is
 * known) its consumer function, fed one message per invocation with partial batch failures reported.
 */
export class WorkQueues extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  consumer?: ServiceFunction;
  private readonly key: IKey;

  constructor(scope: Construct, id: string, props: WorkQueuesProps) {
    super(scope, id);
    this.key = props.key;
    const encryption = { encryption: QueueEncryption.KMS, encryptionMasterKey: props.key, enforceSSL: true };
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      ...encryption,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.queue = new Queue(this, 'Jobs', {
      ...encryption,
      visibilityTimeout: Duration.seconds(WORK_QUEUE.timeoutSeconds * VISIBILITY_TIMEOUT_FACTOR),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: WORK_QUEUE.maxReceiveCount },
    });
  }

  /**
   * The consumer function, with the declaration's grants (it enqueues continuations to this same queue), and its event
   * source mapping, both created in `scope` (the background nested stack) while the queues stay with their key.
   */
  addConsumer(resources: CapabilityResources, scope: Construct = this): ServiceFunction {
    const fn = new ServiceFunction(scope, 'WorkQueueConsumer', {
      kind: 'queue',
      handler: WORK_QUEUE.handler,
      description: `Work queue consumer: ${WORK_QUEUE.jobs.join(', ')} (${WORK_QUEUE.handler})`,
      capabilities: WORK_QUEUE.capabilities,
      timeout: Duration.seconds(WORK_QUEUE.timeoutSeconds),
    });
    bindCapabilities(fn, resources);
    // What `SqsEventSource` grants, narrowed: the queue's consume actions, and the key through SQS only (its
    // `grantConsumeMessages` would allow kms:Decrypt on the key by any service).
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:DeleteMessage'],
        resources: [this.queue.queueArn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: viaService('sqs'),
      }),
    );
    const mapping = new EventSourceMapping(scope, 'WorkQueueConsumerFeed', {
      target: fn,
      eventSourceArn: this.queue.queueArn,
      batchSize: 1,
      reportBatchItemFailures: true,
      maxConcurrency: MAX_CONSUMERS,
    });
    // The mapping validates its permissions when created: the role's policy must exist by then.
    const rolePolicy = fn.serviceRole.node.tryFindChild('DefaultPolicy');
    if (rolePolicy) mapping.node.addDependency(rolePolicy);
    this.consumer = fn;
    return fn;
  }
}
