import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { openCase } from '../../use-cases/workflow/open-case.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';

const ports = taskPorts('openCase', { cases: awsCases, stores: awsStores, kpis: awsKpis, mailer: awsMailer });

export const handler = taskHandler('openCase', z.object({ caseId: z.string() }), ports, (dependencies, { caseId }) =>
  openCase(dependencies, caseId),
);
