import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { openForWork } from '../../use-cases/workflow/open-case.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';

const ports = taskPorts('openCase', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
});

export const handler = taskHandler('openCase', z.object({ caseId: z.string() }), ports, (dependencies, { caseId }) =>
  openForWork(dependencies, caseId),
);
