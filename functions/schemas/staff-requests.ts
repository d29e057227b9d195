import * as z from 'zod/mini';
import './zod-locale.js';
import { AGENT_ID_PATTERN } from '../domain/agent.js';
import { REVISIT_OUTCOMES } from '../domain/aftercare/revisit.js';
import { CASE_STATUSES, RESOLUTION_TYPES, ROOT_CAUSES, SEVERITIES, URGENCIES } from '../domain/case.js';
import { resolutionShapeProblems } from '../domain/resolution-money.js';
import { attachmentIdsSchema } from './case-request.js';
import { caseSearchQueryFields } from './case-search.js';
import { pageQueryFields, multiLineText, singleLineText } from './shared-fields.js';

/** Request schemas of the /v1/staff routes (API.md "Staff"); the case routes' path is `casePathSchema`. */

/** An agentId as the agent directory stores it. */
export const agentIdSchema = z
  .string()
  .check(z.regex(AGENT_ID_PATTERN, 'Lower-case letters, digits and . _ - (1 to 64)'));

export const staffQueueQuerySchema = z.strictObject({
  assignee: z.optional(z.union([z.enum(['me', 'unassigned']), agentIdSchema])),
  status: z.optional(z.enum(CASE_STATUSES)),
  /** `revisit`: only the follow-up tasks waiting in the queue (resolved cases whose revisit is due). */
  type: z.optional(z.enum(['revisit'])),
  /** `true`: the store's cases whose workflow failed (supervisors and admins), newest failure first. */
  failed: z.optional(z.enum(['true'])),
  /** `true`: cases awaiting the customer past the store's limit, flagged for supervisors (supervisors and admins). */
  flagged: z.optional(z.enum(['true'])),
  ...caseSearchQueryFields,
  ...pageQueryFields,
});
export type StaffQueueQuery = z.output<typeof staffQueueQuerySchema>;

/** A retry of a failed workflow; the note goes on the internal timeline event. */
export const retryWorkflowBodySchema = z.strictObject({ note: z.optional(multiLineText(1_000)) });

export const replyBodySchema = z.strictObject({
  body: multiLineText(5_000),
  /** Files for the customer, uploaded first (`POST /v1/attachments`) like a customer message's. */
  attachments: attachmentIdsSchema,
});
export const noteBodySchema = z.strictObject({ body: multiLineText(5_000) });

export const statusBodySchema = z.strictObject({ status: z.enum(['awaiting_customer', 'in_progress']) });

/**
 * The resolution as sent. The money rules that need only the request are checked here (`resolutionShapeProblems`), so
 * one 400 lists them with the other fields; those that need the case (its currency, its order total, the store's
 * limits) are the use case's. The amount's decimals depend on the currency (JPY 0, KWD 3), hence no fixed step here.
 */
const resolutionSchema = z
  .strictObject({
    type: z.enum(RESOLUTION_TYPES),
    amount: z
      .optional(z.number())
      .check(
        z.describe(
          "Required for refund and compensation, optional (a charge) for exchange, repair and replacement, refused otherwise; more than 0 in the currency's minor units",
        ),
      ),
    currency: z
      .optional(z.string().check(z.maxLength(3)))
      .check(z.describe("ISO 4217; the case's currency, which it defaults to")),
    reference: z.optional(singleLineText(200)),
  })
  .check(
    z.superRefine((resolution, context) => {
      for (const problem of resolutionShapeProblems(resolution)) {
        context.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
      }
    }),
  );

export const resolveBodySchema = z.strictObject({
  resolution: resolutionSchema,
  rootCause: z.enum(ROOT_CAUSES),
  summary: multiLineText(2_000),
});
export type ResolveBody = z.output<typeof resolveBodySchema>;

export const reclassifyBodySchema = z
  .strictObject({
    severity: z.optional(z.enum(SEVERITIES)),
    urgency: z.optional(z.enum(URGENCIES)),
    reason: multiLineText(500),
  })
  .check(
    z.refine((body) => body.severity !== undefined || body.urgency !== undefined, {
      message: 'Give a severity, an urgency or both',
      path: ['severity'],
    }),
  );

export const assignBodySchema = z.strictObject({ agentId: agentIdSchema });

export const reviewBodySchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: multiLineText(1_000),
});

export const revisitBodySchema = z.strictObject({
  outcome: z.enum(REVISIT_OUTCOMES),
  note: z.optional(multiLineText(2_000)),
});

/** A supervisor's decision on the resolution an agent asked approval for; the note goes on the internal timeline. */
export const resolutionApprovalBodySchema = z.strictObject({
  approve: z.boolean(),
  note: z.optional(multiLineText(1_000)),
  requestedAt: z
    .optional(z.iso.datetime({ offset: true }))
    .check(
      z.describe("The pending approval's requestedAt this decision is about: 409 if the agent has replaced it since"),
    ),
});
