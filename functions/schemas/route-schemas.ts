import { z } from 'zod';
import { attachmentRequestSchema, caseRequestSchema, listCasesQuerySchema } from './case-request.js';

/**
 * The request schemas of each route (by the route's name in functions/wiring/routes.ts). Handlers validate with them
 * and the OpenAPI document is generated from them, so the published contract is what is enforced.
 */
export const ROUTE_SCHEMAS = {
  createCase: { body: caseRequestSchema },
  listCases: { query: listCasesQuerySchema },
  getCase: { path: z.object({ caseId: z.string() }) },
  checkEligibility: { body: caseRequestSchema },
  createAttachment: { body: attachmentRequestSchema },
  getOpenApi: {},
} satisfies Record<string, { body?: z.ZodType; query?: z.ZodType; path?: z.ZodType }>;
