import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { openForWork } from '../../use-cases/workflow/open-case.js';

export const handler = taskHandler('openCase', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  openForWork(dependencies, caseId),
);
