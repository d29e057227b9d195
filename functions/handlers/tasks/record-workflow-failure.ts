import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { recordWorkflowFailure } from '../../use-cases/workflow/record-workflow-failure.js';

export const handler = taskHandler(
  'recordWorkflowFailure',
  z.object({ caseId: z.string(), failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }) }),
  recordWorkflowFailure,
);
