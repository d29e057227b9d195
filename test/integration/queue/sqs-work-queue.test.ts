import { SendMessageCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SqsWorkQueue } from '../../../functions/adapters/queue/sqs-work-queue.js';
import { TransientError } from '../../../functions/domain/errors.js';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/after-sales-work';

const client = new SQSClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  maxAttempts: 1,
});
const sqsMock = mockClient(client);

const serviceError = (name: string, httpStatusCode: number) =>
  new SQSServiceException({
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
    message: name,
  });

describe('Class: SqsWorkQueue', () => {
  afterEach(() => {
    sqsMock.reset();
  });

  it('sends one message per job: the job as JSON, its kind as an attribute', async () => {
    // Prepare
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    const queue = new SqsWorkQueue({ client, queueUrl: QUEUE_URL });

    // Act
    await queue.enqueue({ kind: 'retimeOpenCases', storeId: 'store-a', slaPolicyVersion: 4 });

    // Assess
    expect(sqsMock).toHaveReceivedCommandTimes(SendMessageCommand, 1);
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: QUEUE_URL,
      MessageBody: JSON.stringify({ kind: 'retimeOpenCases', storeId: 'store-a', slaPolicyVersion: 4 }),
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'retimeOpenCases' } },
    });
  });

  it.each([
    ['throttling', 'ThrottlingException', 400],
    ['a server fault', 'InternalError', 500],
  ])('throws TransientError, cause kept, on %s', async (_, name, status) => {
    // Prepare
    const failure = serviceError(name, status);
    sqsMock.on(SendMessageCommand).rejects(failure);
    const queue = new SqsWorkQueue({ client, queueUrl: QUEUE_URL });

    // Act
    const sent = queue.enqueue({ kind: 'offerCapacity', storeId: 'store-a' });

    // Assess
    await expect(sent).rejects.toBeInstanceOf(TransientError);
    await expect(sent).rejects.toMatchObject({ cause: failure });
  });

  it('rethrows any other failure as it came', async () => {
    // Prepare
    const failure = serviceError('AccessDenied', 403);
    sqsMock.on(SendMessageCommand).rejects(failure);
    const queue = new SqsWorkQueue({ client, queueUrl: QUEUE_URL });

    // Act
    const sent = queue.enqueue({ kind: 'offerCapacity', storeId: 'store-a' });

    // Assess
    await expect(sent).rejects.toBe(failure);
  });
});
