import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { checkProgress } from '../../use-cases/workflow/check-progress.js';

export const handler = taskHandler('checkProgress', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  checkProgress(dependencies, caseId),
);
