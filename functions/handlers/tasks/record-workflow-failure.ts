import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { recordWorkflowFailure } from '../../use-cases/workflow/record-workflow-failure.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = taskPorts('recordWorkflowFailure', { cases: awsCases, stores: awsStores, kpis: awsKpis });

const caughtError = z.object({ Error: z.string().optional(), Cause: z.string().optional() });

export const handler = taskHandler(
  'recordWorkflowFailure',
  z.object({
    caseId: z.string(),
    // `{ Error, Cause }`, or that keyed by the failed state's name (`ResultPath: $.failure.<State>`).
    failure: z.union([caughtError.strict(), z.record(z.string(), caughtError)]),
    execution: z.string().optional(),
  }),
  ports,
  recordWorkflowFailure,
);
