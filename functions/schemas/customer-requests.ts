import * as z from 'zod';

/** Request schemas of the storefront's case actions (API.md "Storefront"). */

/** The id is checked against the case-id pattern by the use case: a malformed id is a 404, like an unknown one. */
export const customerCasePathSchema = z.strictObject({ caseId: z.string() });

export const customerMessageBodySchema = z.strictObject({ body: z.string().trim().min(1).max(5_000) });

export const cancelCaseBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
