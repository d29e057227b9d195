import { z } from 'zod';

// CONTRACT (owned by the customer/admin-API helper): request schemas of the storefront's case actions. Placeholders until then.
export const customerMessageBodySchema = z.object({ body: z.string() });
export const cancelCaseBodySchema = z.object({ reason: z.string() });
