import { queueHandler } from '../../commons/queue-handler.js';
import { workJobSchema } from '../../schemas/work-jobs.js';
import { runWorkJob } from '../../use-cases/run-work-job.js';
import { queuePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = queuePorts('work', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
});

/** The work queue's consumer (`WORK_QUEUE` in `functions/wiring/queues.ts`): one SQS message, one `WorkJob`. */
export const handler = queueHandler('work', workJobSchema, ports, runWorkJob);
