import { queueHandler } from '../../commons/queue-handler.js';
import { workJobSchema } from '../../schemas/work-jobs.js';
import { runWorkJob } from '../../use-cases/run-work-job.js';

/** The work queue's consumer (`WORK_QUEUE` in `functions/wiring/queues.ts`): one SQS message, one `WorkJob`. */
export const handler = queueHandler('work', workJobSchema, runWorkJob);
