import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { rejectCase } from '../../use-cases/workflow/reject-case.js';

export const handler = taskHandler('rejectCase', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  rejectCase(dependencies, caseId),
);
