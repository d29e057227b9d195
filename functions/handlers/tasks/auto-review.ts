import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { reviewForWork } from '../../use-cases/workflow/auto-review.js';

export const handler = taskHandler('autoReview', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  reviewForWork(dependencies, caseId),
);
