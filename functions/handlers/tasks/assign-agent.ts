import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { assignForWork } from '../../use-cases/workflow/assign-for-work.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';

const ports = taskPorts('assignAgent', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
});

export const handler = taskHandler('assignAgent', z.object({ caseId: z.string() }), ports, (dependencies, { caseId }) =>
  assignForWork(dependencies, caseId),
);
