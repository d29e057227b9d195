import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { classifyForWork } from '../../use-cases/workflow/classify-for-work.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = taskPorts('classifyCase', { cases: awsCases, stores: awsStores, kpis: awsKpis });

export const handler = taskHandler(
  'classifyCase',
  z.object({ caseId: z.string() }),
  ports,
  (dependencies, { caseId }) => classifyForWork(dependencies, caseId),
);
