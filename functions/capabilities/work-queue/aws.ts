import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsWorkQueue } from '../../adapters/queue/sqs-work-queue.js';
import { workQueueUrlFromEnv } from '../../commons/config.js';
import type { WorkQueue } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: SQSClient | undefined;

export const awsWorkQueue = (): WorkQueue =>
  new SqsWorkQueue({ client: (client ??= new SQSClient({})), queueUrl: workQueueUrlFromEnv() });
