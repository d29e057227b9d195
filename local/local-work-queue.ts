import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { WorkJob, WorkQueue } from '../functions/ports/work-queue.js';
import type { EngineLogger } from './workflow-engine.js';

/** A queue consumer as `functions/handlers/queues/<name>.ts` exports it. */
export type QueueConsumer = (event: SQSEvent) => Promise<SQSBatchResponse>;

export interface LocalWorkQueueOptions {
  /** Deliveries of a message before it is dead-lettered (the declaration's `maxReceiveCount`). */
  maxReceiveCount: number;
  /**
   * Wait before a failed message is delivered again, doubled at each delivery; 50 ms by default. SQS waits for the
   * visibility timeout instead: minutes, which would only slow a demo or a test down.
   */
  retryDelayMs?: number;
  logger?: EngineLogger;
}

interface Message {
  messageId: string;
  body: string;
  receiveCount: number;
}

/** One SQS record as the event source mapping builds it (the fields a consumer reads). */
const sqsRecord = ({ messageId, body, receiveCount }: Message): SQSRecord => ({
  messageId,
  receiptHandle: messageId,
  body,
  attributes: {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: String(Date.now()),
    SenderId: 'local',
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:local:000000000000:work',
  awsRegion: 'local',
});

/**
 * The work queue in-process, behaving as the SQS queue and its event source mapping do: `enqueue` returns once the job
 * is held, and the consumer (the same handler module as in AWS, attached by the stack) gets it a moment later, never
 * inside the request that queued it. A message the consumer reports failed (or that throws) is delivered again after a
 * backoff, and after `maxReceiveCount` deliveries kept in `deadLetters`.
 */
export class LocalWorkQueue implements WorkQueue {
  /** The bodies (parsed) of the messages that failed every delivery, as the dead-letter queue would hold them. */
  readonly deadLetters: unknown[] = [];
  private consumer: QueueConsumer | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private readonly maxReceiveCount: number;
  private readonly retryDelayMs: number;
  private readonly logger: EngineLogger | undefined;

  constructor(options: LocalWorkQueueOptions) {
    this.maxReceiveCount = options.maxReceiveCount;
    this.retryDelayMs = options.retryDelayMs ?? 50;
    this.logger = options.logger;
  }

  /** The consumer; handlers may only be imported once the stack's dependencies are provided, so it comes later. */
  attach(consumer: QueueConsumer): void {
    this.consumer = consumer;
  }

  async enqueue(job: WorkJob): Promise<void> {
    if (this.stopped) throw new Error('The local work queue is stopped');
    // The consumer gets its own copy, as over the wire.
    this.deliverAfter({ messageId: randomUUID(), body: JSON.stringify(job), receiveCount: 0 }, 0);
  }

  /** Resolves once no message waits or runs, retries included (tests and the benchmark wait for the work to be done). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Refuses new jobs and waits for the queued ones (the stack stops it before the workflow engine they signal). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.settled();
  }

  private deliverAfter(message: Message, delayMs: number): void {
    const delivered = new Promise<void>((done) => setTimeout(done, delayMs)).then(() => this.deliver(message));
    this.inFlight.add(delivered);
    void delivered.finally(() => this.inFlight.delete(delivered));
  }

  private async deliver(message: Message): Promise<void> {
    const delivery = { ...message, receiveCount: message.receiveCount + 1 };
    let failed: boolean;
    try {
      if (!this.consumer) throw new Error('No consumer attached to the local work queue');
      const response = await this.consumer({ Records: [sqsRecord(delivery)] });
      failed = response.batchItemFailures.some((failure) => failure.itemIdentifier === delivery.messageId);
    } catch (error) {
      this.logger?.warn('Work queue consumer threw', { error: error instanceof Error ? error.name : 'UnknownError' });
      failed = true;
    }
    if (!failed) return;
    if (delivery.receiveCount >= this.maxReceiveCount) {
      this.deadLetters.push(JSON.parse(delivery.body));
      this.logger?.error('Work queue job dead-lettered', { receiveCount: delivery.receiveCount });
      return;
    }
    this.deliverAfter(delivery, this.retryDelayMs * 2 ** (delivery.receiveCount - 1));
  }
}
