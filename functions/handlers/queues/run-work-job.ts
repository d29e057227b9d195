import { queueHandler } from '../../commons/queue-handler.js';
import { workJobSchema } from '../../schemas/work-jobs.js';
import { runWorkJob } from '../../use-cases/run-work-job.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { queuePorts } from '../../capabilities/declared-ports.js';

// The consumer sends the emails the actions left in the outbox, and those of the cases it assigns.
const ports = queuePorts('work', { ...ASSIGNMENT_CHANGING_ADAPTERS, mailer: awsMailer });

/** The work queue's consumer (`WORK_QUEUE` in `functions/wiring/queues.ts`): one SQS message, one `WorkJob`. */
export const handler = queueHandler('work', workJobSchema, ports, runWorkJob);
