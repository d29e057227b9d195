import * as z from 'zod/mini';
import './zod-locale.js';
import { CASE_TYPES, CHANNELS, DEFAULT_LOCALE, LOCALES, SEVERITIES, URGENCIES } from '../domain/case.js';
import { ALLOWED_ATTACHMENT_TYPES, ATTACHMENT_ID_PATTERN, MAX_ATTACHMENT_BYTES } from '../domain/attachment-rules.js';
import { currencyCode, moneyAmount, multiLineText, pageQueryFields, singleLineText } from './shared-fields.js';

/** An id from the storefront (order, product): trimmed, 1-64 of letters, digits and . _ : - */
export const identifier = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'Letters, digits and . _ : - only'),
  );

/** Evidence files sent with a case or a customer's message: ids from `POST /v1/attachments`, 10 at most. */
export const attachmentIdsSchema = z._default(
  z
    .array(z.string().check(z.regex(ATTACHMENT_ID_PATTERN, 'An attachmentId from POST /v1/attachments')))
    .check(z.maxLength(10)),
  [],
);

const instant = z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time, e.g. 2026-11-01T10:00:00Z' });

const customerSchema = z.strictObject({
  id: identifier,
  email: z.email().check(z.maxLength(254)),
  name: singleLineText(120),
  locale: z._default(z.enum(LOCALES), DEFAULT_LOCALE),
});

const orderLineSchema = z.strictObject({
  sku: identifier,
  name: singleLineText(200),
  category: singleLineText(64),
  quantity: z.int().check(z.gte(1), z.lte(10_000)),
  unitPrice: moneyAmount,
});

/** The body of `POST /v1/cases` and `POST /v1/eligibility` (API.md). */
export const caseRequestSchema = z
  .strictObject({
    orderId: identifier,
    orderedAt: instant,
    deliveredAt: z.optional(instant),
    customer: customerSchema,
    type: z.enum(CASE_TYPES),
    items: z.array(orderLineSchema).check(z.minLength(1), z.maxLength(50)),
    currency: currencyCode,
    description: multiLineText(5_000),
    attachments: attachmentIdsSchema,
    channel: z._default(z.enum(CHANNELS), 'web'),
    severity: z.optional(z.enum(SEVERITIES)),
    urgency: z.optional(z.enum(URGENCIES)),
  })
  .check(
    z.superRefine((request, context) => {
      if (request.deliveredAt && Date.parse(request.deliveredAt) < Date.parse(request.orderedAt)) {
        context.addIssue({ code: 'custom', path: ['deliveredAt'], message: 'Must not be before orderedAt' });
      }
      const skus = request.items.map((line) => line.sku);
      skus.forEach((sku, index) => {
        if (skus.indexOf(sku) !== index) {
          context.addIssue({ code: 'custom', path: ['items', index, 'sku'], message: 'Each SKU appears once' });
        }
      });
    }),
  );

export type CaseRequestBody = z.output<typeof caseRequestSchema>;

export const listCasesQuerySchema = z.strictObject({ customerId: identifier, ...pageQueryFields });

export const attachmentRequestSchema = z.strictObject({
  fileName: singleLineText(200),
  contentType: z.enum(ALLOWED_ATTACHMENT_TYPES, 'Images (JPEG, PNG, WebP, HEIC) or PDF'),
  size: z.int().check(z.gte(1), z.lte(MAX_ATTACHMENT_BYTES, '10 MB at most')),
});
