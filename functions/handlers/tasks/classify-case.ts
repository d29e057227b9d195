import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { classifyForWork } from '../../use-cases/workflow/classify-for-work.js';

export const handler = taskHandler('classifyCase', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  classifyForWork(dependencies, caseId),
);
