import * as z from 'zod/mini';
import './zod-locale.js';
import { CASE_ID_PATTERN } from '../domain/case.js';
import type { WorkJob } from '../ports/work-queue.js';

/** The messages of the work queue (`WorkJob`), checked by its consumer before anything runs. */
const storeId = z.string().check(z.minLength(1), z.maxLength(128));

const retimeCursorSchema = z.strictObject({
  agentId: z.nullable(z.string().check(z.minLength(1), z.maxLength(128))),
  nextToken: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

export const workJobSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('retimeOpenCases'),
    storeId,
    slaPolicyVersion: z.int().check(z.gte(0)),
    from: z.optional(retimeCursorSchema),
  }),
  z.strictObject({ kind: z.literal('offerCapacity'), storeId }),
  z.strictObject({
    kind: z.literal('sendNotifications'),
    caseId: z.string().check(z.regex(CASE_ID_PATTERN)),
    keys: z.optional(
      z.array(z.string().check(z.minLength(1), z.maxLength(512))).check(z.minLength(1), z.maxLength(100)),
    ),
  }),
]) satisfies z.ZodMiniType<WorkJob>;
