import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { escalateOverdue } from '../../use-cases/sla/escalate-overdue.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';

const ports = taskPorts('escalateOverdue', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  workflow: awsWorkflow,
});

export const handler = taskHandler(
  'escalateOverdue',
  z.object({ caseId: z.string() }),
  ports,
  (dependencies, { caseId }) => escalateOverdue(dependencies, caseId),
);
