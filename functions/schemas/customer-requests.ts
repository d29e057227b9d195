import * as z from 'zod/mini';
import './zod-locale.js';
import { attachmentIdsSchema } from './case-request.js';
import { multiLineText } from './shared-fields.js';

/** Request schemas of the storefront's case actions (API.md "Storefront"); the path is `casePathSchema`. */

export const customerMessageBodySchema = z.strictObject({
  body: multiLineText(5_000),
  /** Files for the case (e.g. the evidence it was asked for), uploaded first like the intake's. */
  attachments: attachmentIdsSchema,
});

export const cancelCaseBodySchema = z.strictObject({ reason: multiLineText(500) });
