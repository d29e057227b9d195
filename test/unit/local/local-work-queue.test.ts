import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { LocalWorkQueue } from '../../../local/local-work-queue.js';

const JOB = { kind: 'offerCapacity', storeId: 'store-a' } as const;

/** A consumer that fails its first `failures` deliveries (reported in batchItemFailures), recording each delivery. */
const consumerFailing = (failures: number) => {
  const deliveries: Array<{ body: unknown; receiveCount: string }> = [];
  const consumer = vi.fn(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const [record] = event.Records;
    if (!record) return { batchItemFailures: [] };
    deliveries.push({ body: JSON.parse(record.body), receiveCount: record.attributes.ApproximateReceiveCount });
    return { batchItemFailures: deliveries.length <= failures ? [{ itemIdentifier: record.messageId }] : [] };
  });
  return { consumer, deliveries };
};

describe('Class: LocalWorkQueue', () => {
  it('returns from enqueue before the consumer runs, which gets the job just after', async () => {
    // Prepare
    const queue = new LocalWorkQueue({ maxReceiveCount: 3, retryDelayMs: 1 });
    const { consumer, deliveries } = consumerFailing(0);
    queue.attach(consumer);

    // Act
    await queue.enqueue(JOB);
    const atReturn = deliveries.length;
    await queue.settled();

    // Assess
    expect(atReturn).toBe(0);
    expect(deliveries).toEqual([{ body: JOB, receiveCount: '1' }]);
  });

  it('delivers a failed job again, counting receives, until it succeeds', async () => {
    // Prepare
    const queue = new LocalWorkQueue({ maxReceiveCount: 3, retryDelayMs: 1 });
    const { consumer, deliveries } = consumerFailing(2);
    queue.attach(consumer);

    // Act
    await queue.enqueue(JOB);
    await queue.settled();

    // Assess
    expect(deliveries.map((delivery) => delivery.receiveCount)).toEqual(['1', '2', '3']);
    expect(queue.deadLetters).toEqual([]);
  });

  it('dead-letters a job after maxReceiveCount failed deliveries', async () => {
    // Prepare
    const queue = new LocalWorkQueue({ maxReceiveCount: 2, retryDelayMs: 1 });
    const { consumer, deliveries } = consumerFailing(5);
    queue.attach(consumer);

    // Act
    await queue.enqueue(JOB);
    await queue.settled();

    // Assess
    expect(deliveries).toHaveLength(2);
    expect(queue.deadLetters).toEqual([JOB]);
  });

  it('refuses jobs once stopped, after the queued ones are done', async () => {
    // Prepare
    const queue = new LocalWorkQueue({ maxReceiveCount: 2, retryDelayMs: 1 });
    const { consumer, deliveries } = consumerFailing(0);
    queue.attach(consumer);
    await queue.enqueue(JOB);

    // Act
    await queue.stop();
    const late = queue.enqueue(JOB);

    // Assess
    expect(deliveries).toHaveLength(1);
    await expect(late).rejects.toThrow('stopped');
  });
});
