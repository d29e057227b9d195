import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { requestManualReview } from '../../use-cases/workflow/request-manual-review.js';

export const handler = taskHandler(
  'requestManualReview',
  z.object({ caseId: z.string(), reminder: z.boolean() }),
  requestManualReview,
);
