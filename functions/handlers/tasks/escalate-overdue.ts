import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { escalateOverdue } from '../../use-cases/sla/escalate-overdue.js';

export const handler = taskHandler('escalateOverdue', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  escalateOverdue(dependencies, caseId),
);
