import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { assignForWork } from '../../use-cases/workflow/assign-for-work.js';

export const handler = taskHandler('assignAgent', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  assignForWork(dependencies, caseId),
);
