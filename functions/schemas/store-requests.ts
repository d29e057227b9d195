import * as z from 'zod';
import { MAX_KEY_OVERLAP_SECONDS } from '../domain/api-key.js';
import { DEFAULT_AWAITING_CUSTOMER_RULES } from '../domain/awaiting-customer.js';
import { LOCALES } from '../domain/case.js';
import { durationToSeconds, isIsoDuration } from '../domain/duration.js';
import { API_KEY_ID_PATTERN } from '../domain/api-key.js';
import { CASE_NUMBER_PREFIX_PATTERN, type EditableStoreProfile } from '../domain/store-profile.js';
import { isKnownTimezone } from '../domain/zoned-time.js';
import { DEFAULT_KPI_TARGETS } from '../domain/kpi/kpi-rollup.js';
import {
  DEFAULT_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR,
  MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR,
} from '../domain/intake-limit.js';
import { DEFAULT_COMPENSATION_LIMIT } from '../domain/store.js';
import { boundedDuration, moneyAmount, shareOfOne, singleLineText } from './shared-fields.js';

/** Request schemas of `/v1/admin/store` (API.md "Store administration"). Every rule is here, so one 400 lists all. */

/** An elapsed ISO 8601 duration from `min` to `max` seconds (see `boundedDuration`). */
const elapsedDuration = (minSeconds: number, maxSeconds: number) =>
  boundedDuration({ kind: 'elapsed', minSeconds, maxSeconds });

const emails = z
  .array(z.email().max(254))
  .min(1)
  .max(20)
  .refine((values) => new Set(values.map((value) => value.toLowerCase())).size === values.length, 'Each address once');

/**
 * `PUT /v1/admin/store`: the whole editable profile. The store is the caller's (from their token), never a body field
 * (unknown fields, `storeId` included, are refused). `version` works as in `PUT /v1/admin/policy` (0: never saved).
 */
export const storeProfileBodySchema = z
  .strictObject({
    version: z.int().min(0).optional(),
    name: singleLineText(120),
    timezone: z
      .string()
      .max(64)
      .refine(isKnownTimezone, 'An IANA timezone such as Asia/Shanghai')
      .describe(
        'IANA timezone: case-number dates, and the SLA calendar while the store runs on the default SLA policy',
      ),
    defaultLocale: z.enum(LOCALES),
    supervisorEmails: emails.describe('Emailed for manual reviews, unassigned cases and SLA escalation level 2'),
    adminEmails: emails.describe('Emailed at SLA escalation level 3'),
    caseNumberPrefix: z
      .string()
      .regex(CASE_NUMBER_PREFIX_PATTERN, '2 to 6 uppercase letters or digits, e.g. AS')
      .describe('Applies to cases filed after the change; numbers already given keep theirs'),
    reviewReminderAfter: elapsedDuration(60, 30 * 86_400).describe(
      'How long a supervisor has for a manual review before reminders',
    ),
    reopenWindow: elapsedDuration(0, 365 * 86_400).describe(
      "How long after a resolution the customer's message reopens the case",
    ),
    awaitingCustomerReminderAfter: elapsedDuration(3_600, 60 * 86_400).describe(
      'How long a case awaits the customer before their one reminder',
    ),
    awaitingCustomerLimit: elapsedDuration(3_600, 90 * 86_400).describe(
      'How long a case awaits the customer at most; then it is resolved as no_action or flagged',
    ),
    awaitingCustomerOutcome: z
      .enum(['resolve_no_action', 'flag'])
      .default(DEFAULT_AWAITING_CUSTOMER_RULES.outcome)
      .describe('What ends a wait past the limit: resolved as no_action, or flagged for the supervisors'),
    kpiTargets: z
      .strictObject({
        firstResponseMaxMinutes: z
          .int()
          .min(1)
          .max(10_080)
          .default(DEFAULT_KPI_TARGETS.firstResponseMaxMinutes)
          .describe('Average first-response time below this many business minutes is met (240: 4 hours)'),
        resolutionRateMin: shareOfOne
          .default(DEFAULT_KPI_TARGETS.resolutionRateMin)
          .describe('A resolution rate (0..1) at or above this is met'),
        csatMin: shareOfOne
          .default(DEFAULT_KPI_TARGETS.csatMin)
          .describe('A CSAT (share of answers with overall >= 4, 0..1) at or above this is met'),
      })
      .default(DEFAULT_KPI_TARGETS)
      .describe("Targets beside the KPI report's figures; each defaults to seed 001's"),
    intakeLimitPerCustomerPerHour: z
      .int()
      .min(1)
      .max(MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR)
      .default(DEFAULT_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR)
      .describe('New cases one customer may file per hour (UTC clock hours); past it POST /v1/cases answers 429'),
    compensationLimit: moneyAmount
      .default(DEFAULT_COMPENSATION_LIMIT)
      .describe(
        "The highest compensation one resolution may pay, in the case's currency (0: none); above the policy's autoApproveValueLimit an agent's needs a supervisor's approval",
      ),
  })
  .refine(
    ({ awaitingCustomerReminderAfter: reminder, awaitingCustomerLimit: limit }) =>
      !isIsoDuration(reminder) || !isIsoDuration(limit) || durationToSeconds(reminder) < durationToSeconds(limit),
    { path: ['awaitingCustomerReminderAfter'], message: 'Shorter than awaitingCustomerLimit' },
  ) satisfies z.ZodType<EditableStoreProfile & { version?: number }>;
export type StoreProfileBody = z.output<typeof storeProfileBodySchema>;

/** `POST /v1/admin/store/api-keys`: how long the replaced key keeps working (`P1D` when absent; PT0S for a leaked key). */
export const apiKeyRotationBodySchema = z
  .strictObject({
    overlap: elapsedDuration(0, MAX_KEY_OVERLAP_SECONDS).optional(),
  })
  .default({});
export type ApiKeyRotationBody = z.output<typeof apiKeyRotationBodySchema>;

/** `DELETE /v1/admin/store/api-keys/{keyId}`: an id from `GET /v1/admin/store/api-keys`. */
export const apiKeyPathSchema = z.strictObject({
  keyId: z
    .string()
    .regex(API_KEY_ID_PATTERN, 'A key id from GET /v1/admin/store/api-keys')
    .describe('16 hex characters, or pre-rotation for the keys issued before the first rotation'),
});
