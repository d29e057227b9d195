import * as z from 'zod';
import { trimmedText } from './shared-fields.js';

/** Request schemas of the storefront's case actions (API.md "Storefront"); the path is `casePathSchema`. */

export const customerMessageBodySchema = z.strictObject({ body: trimmedText(5_000) });

export const cancelCaseBodySchema = z.strictObject({ reason: trimmedText(500) });
