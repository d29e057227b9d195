import * as z from 'zod';
import { CASE_ID_PATTERN } from '../domain/case.js';
import type { WorkJob } from '../ports/work-queue.js';

/** The messages of the work queue (`WorkJob`), checked by its consumer before anything runs. */
const storeId = z.string().min(1).max(128);

const retimeCursorSchema = z.strictObject({
  agentId: z.string().min(1).max(128).nullable(),
  nextToken: z.string().min(1).max(4096).optional(),
});

export const workJobSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('retimeOpenCases'),
    storeId,
    slaPolicyVersion: z.int().min(0),
    from: retimeCursorSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('offerCapacity'), storeId }),
  z.strictObject({
    kind: z.literal('sendNotifications'),
    caseId: z.string().regex(CASE_ID_PATTERN),
    keys: z.array(z.string().min(1).max(512)).min(1).max(100).optional(),
  }),
]) satisfies z.ZodType<WorkJob>;
