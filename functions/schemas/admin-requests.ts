import { z } from 'zod';

// CONTRACT (owned by the customer/admin-API helper): request schemas of the /v1/admin routes. Placeholders until then.
export const agentPathSchema = z.object({ agentId: z.string() });
export const createAgentBodySchema = z.object({});
export const updateAgentBodySchema = z.object({});
export const policyBodySchema = z.object({});
