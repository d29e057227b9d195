import { z } from 'zod';

// CONTRACT (owned by the staff-API helper): request schemas of the /v1/staff routes. Placeholders until then.
export const staffQueueQuerySchema = z.object({});
export const staffCasePathSchema = z.object({ caseId: z.string() });
export const replyBodySchema = z.object({ body: z.string() });
export const noteBodySchema = z.object({ body: z.string() });
export const statusBodySchema = z.object({ status: z.enum(['awaiting_customer', 'in_progress']) });
export const resolveBodySchema = z.object({});
export const reclassifyBodySchema = z.object({});
export const assignBodySchema = z.object({ agentId: z.string() });
export const reviewBodySchema = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string() });
