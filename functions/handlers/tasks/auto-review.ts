import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { autoReview } from '../../use-cases/workflow/auto-review.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsAttachments } from '../../capabilities/attachments/aws.js';

const ports = taskPorts('autoReview', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  attachments: awsAttachments,
});

export const handler = taskHandler('autoReview', z.object({ caseId: z.string() }), ports, (dependencies, { caseId }) =>
  autoReview(dependencies, caseId),
);
