import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { rejectCase } from '../../use-cases/workflow/reject-case.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';

const ports = taskPorts('rejectCase', { cases: awsCases, stores: awsStores, kpis: awsKpis, mailer: awsMailer });

export const handler = taskHandler('rejectCase', z.object({ caseId: z.string() }), ports, (dependencies, { caseId }) =>
  rejectCase(dependencies, caseId),
);
