import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { reviewForWork } from '../../use-cases/workflow/auto-review.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';

const ports = taskPorts('autoReview', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  uploads: awsUploads,
  mailer: awsMailer,
});

export const handler = taskHandler('autoReview', z.object({ caseId: z.string() }), ports, (dependencies, { caseId }) =>
  reviewForWork(dependencies, caseId),
);
