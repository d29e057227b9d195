import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { followUpCase } from '../../use-cases/aftercare/follow-up-case.js';

export const handler = taskHandler('followUpCase', z.object({ caseId: z.string() }), (dependencies, { caseId }) =>
  followUpCase(dependencies, caseId),
);
