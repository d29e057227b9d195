import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { requestManualReview } from '../../use-cases/workflow/request-manual-review.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';

const ports = taskPorts('requestManualReview', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  mailer: awsMailer,
});

export const handler = taskHandler(
  'requestManualReview',
  z.object({ caseId: z.string(), reminder: z.boolean() }),
  ports,
  requestManualReview,
);
