import * as z from 'zod';
import { taskHandler } from '../../commons/task-handler.js';
import { WAIT_SIGNALS } from '../../domain/case.js';
import { awaitSignal } from '../../use-cases/workflow/await-signal.js';

export const handler = taskHandler(
  'awaitSignal',
  z.object({
    caseId: z.string(),
    signal: z.enum(WAIT_SIGNALS),
    taskToken: z.string().min(1),
    waitSeconds: z.number().int().positive().optional(),
  }),
  awaitSignal,
);
