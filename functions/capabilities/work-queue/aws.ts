import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsWorkQueue } from '../../adapters/queue/sqs-work-queue.js';
import { requiredVariable } from '../../commons/config.js';
import { WORK_QUEUE } from '../../wiring/queues.js';
import type { WorkQueue } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: SQSClient | undefined;

/** The queue's URL is in the variable its declaration names (`WORK_QUEUE.urlEnvVar`). */
export const awsWorkQueue = (): WorkQueue =>
  new SqsWorkQueue({ client: (client ??= new SQSClient({})), queueUrl: requiredVariable(WORK_QUEUE.urlEnvVar) });
