import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsWorkQueue } from '../../adapters/queue/sqs-work-queue.js';
import type { WorkQueue } from '../../ports/work-queue.js';
import { workQueueUrlFromEnv } from '../config.js';

/** The process's one client of the service (this module is loaded once, on the first call). */
const client = new SQSClient({});

export const createWorkQueue = (): WorkQueue => new SqsWorkQueue({ client, queueUrl: workQueueUrlFromEnv() });
