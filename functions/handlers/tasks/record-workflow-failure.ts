import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { recordWorkflowFailure } from '../../use-cases/workflow/record-workflow-failure.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = taskPorts('recordWorkflowFailure', { cases: awsCases, stores: awsStores, kpis: awsKpis });

const caughtErrorFields = { Error: z.optional(z.string()), Cause: z.optional(z.string()) };

export const handler = taskHandler(
  'recordWorkflowFailure',
  z.object({
    caseId: z.string(),
    // `{ Error, Cause }`, or that keyed by the failed state's name (`ResultPath: $.failure.<State>`).
    failure: z.union([z.strictObject(caughtErrorFields), z.record(z.string(), z.object(caughtErrorFields))]),
    execution: z.optional(z.string()),
  }),
  ports,
  recordWorkflowFailure,
);
