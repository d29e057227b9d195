import * as z from 'zod';
import { CASE_TYPES, CHANNELS, DEFAULT_LOCALE, LOCALES, SEVERITIES, URGENCIES } from '../domain/case.js';
import { ALLOWED_ATTACHMENT_TYPES, ATTACHMENT_ID_PATTERN, MAX_ATTACHMENT_BYTES } from '../domain/attachment-rules.js';
import { currencyCode, moneyAmount, multiLineText, pageQueryFields, singleLineText } from './shared-fields.js';

const identifier = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'Letters, digits and . _ : - only');

/** Evidence files sent with a case or a customer's message: ids from `POST /v1/attachments`, 10 at most. */
export const attachmentIdsSchema = z
  .array(z.string().regex(ATTACHMENT_ID_PATTERN, 'An attachmentId from POST /v1/attachments'))
  .max(10)
  .default([]);

const instant = z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time, e.g. 2026-11-01T10:00:00Z' });

const customerSchema = z.strictObject({
  id: identifier,
  email: z.email().max(254),
  name: singleLineText(120),
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
});

const orderLineSchema = z.strictObject({
  sku: identifier,
  name: singleLineText(200),
  category: singleLineText(64),
  quantity: z.int().min(1).max(10_000),
  unitPrice: moneyAmount,
});

/** The body of `POST /v1/cases` and `POST /v1/eligibility` (API.md). */
export const caseRequestSchema = z
  .strictObject({
    orderId: identifier,
    orderedAt: instant,
    deliveredAt: instant.optional(),
    customer: customerSchema,
    type: z.enum(CASE_TYPES),
    items: z.array(orderLineSchema).min(1).max(50),
    currency: currencyCode,
    description: multiLineText(5_000),
    attachments: attachmentIdsSchema,
    channel: z.enum(CHANNELS).default('web'),
    severity: z.enum(SEVERITIES).optional(),
    urgency: z.enum(URGENCIES).optional(),
  })
  .superRefine((request, context) => {
    if (request.deliveredAt && Date.parse(request.deliveredAt) < Date.parse(request.orderedAt)) {
      context.addIssue({ code: 'custom', path: ['deliveredAt'], message: 'Must not be before orderedAt' });
    }
    const skus = request.items.map((line) => line.sku);
    skus.forEach((sku, index) => {
      if (skus.indexOf(sku) !== index) {
        context.addIssue({ code: 'custom', path: ['items', index, 'sku'], message: 'Each SKU appears once' });
      }
    });
  });

export type CaseRequestBody = z.output<typeof caseRequestSchema>;

export const listCasesQuerySchema = z.strictObject({ customerId: identifier, ...pageQueryFields });

export const attachmentRequestSchema = z.strictObject({
  fileName: singleLineText(200),
  contentType: z.enum(ALLOWED_ATTACHMENT_TYPES, 'Images (JPEG, PNG, WebP, HEIC) or PDF'),
  size: z.int().min(1).max(MAX_ATTACHMENT_BYTES, '10 MB at most'),
});
