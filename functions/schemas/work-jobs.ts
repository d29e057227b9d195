import * as z from 'zod';
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
]) satisfies z.ZodType<WorkJob>;
