import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { errorName } from '../../commons/logger.js';
import { TransientError } from '../../domain/errors.js';
import type { WorkJob, WorkQueue } from '../../ports/work-queue.js';
import { isTransientAwsError } from '../transient-errors.js';

export interface SqsWorkQueueOptions {
  client: SQSClient;
  queueUrl: string;
}

/**
 * The work queue on Amazon SQS: one message per job, its body the job as JSON, its kind also as a message attribute
 * (for the logs and a redrive that picks by kind). The SDK's own retries run first; a throttle or server fault that
 * outlasts them becomes `TransientError` (cause kept), anything else is rethrown as it came.
 */
export class SqsWorkQueue implements WorkQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;

  constructor({ client, queueUrl }: SqsWorkQueueOptions) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  async enqueue(job: WorkJob): Promise<void> {
    const command = new SendMessageCommand({
      QueueUrl: this.queueUrl,
      MessageBody: JSON.stringify(job),
      MessageAttributes: { kind: { DataType: 'String', StringValue: job.kind } },
    });
    try {
      await this.client.send(command);
    } catch (error) {
      if (isTransientAwsError(error)) {
        throw new TransientError(`SQS SendMessage failed transiently (${errorName(error)})`, { cause: error });
      }
      throw error;
    }
  }
}
