import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { WAIT_SIGNALS } from '../../domain/case.js';
import { awaitSignal } from '../../use-cases/workflow/await-signal.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';

const ports = taskPorts('awaitSignal', { cases: awsCases, stores: awsStores, kpis: awsKpis, workflow: awsWorkflow });

export const handler = taskHandler(
  'awaitSignal',
  z.object({
    caseId: z.string(),
    signal: z.enum(WAIT_SIGNALS),
    taskToken: z.string().check(z.minLength(1)),
    waitSeconds: z.optional(z.number().check(z.int(), z.positive())),
  }),
  ports,
  awaitSignal,
);
