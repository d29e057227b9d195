import * as z from 'zod/mini';
import './zod-locale.js';
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

/** `schema` with its description in the published JSON Schema. */
const described = <S extends z.ZodMiniType>(schema: S, description: string): S => schema.check(z.describe(description));

const emails = z.array(z.email().check(z.maxLength(254))).check(
  z.minLength(1),
  z.maxLength(20),
  z.refine((values) => new Set(values.map((value) => value.toLowerCase())).size === values.length, 'Each address once'),
);

const kpiTargetFields = {
  firstResponseMaxMinutes: described(
    z.int().check(z.gte(1), z.lte(10_080)),
    'Average first-response time below this many business minutes is met (240: 4 hours)',
  ),
  resolutionRateMin: described(shareOfOne, 'A resolution rate (0..1) at or above this is met'),
  csatMin: described(shareOfOne, 'A CSAT (share of answers with overall >= 4, 0..1) at or above this is met'),
};

/** Each editable field's rule, without defaults: the `PUT` schema adds them, a `PATCH` must not (absent = kept). */
const profileFields = {
  name: singleLineText(120),
  timezone: z
    .string()
    .check(
      z.maxLength(64),
      z.refine(isKnownTimezone, 'An IANA timezone such as Asia/Shanghai'),
      z.describe(
        'IANA timezone: case-number dates, and the SLA calendar while the store runs on the default SLA policy',
      ),
    ),
  defaultLocale: z.enum(LOCALES),
  supervisorEmails: described(emails, 'Emailed for manual reviews, unassigned cases and SLA escalation level 2'),
  adminEmails: described(emails, 'Emailed at SLA escalation level 3'),
  caseNumberPrefix: z
    .string()
    .check(
      z.regex(CASE_NUMBER_PREFIX_PATTERN, '2 to 6 uppercase letters or digits, e.g. AS'),
      z.describe('Applies to cases filed after the change; numbers already given keep theirs'),
    ),
  reviewReminderAfter: described(
    elapsedDuration(60, 30 * 86_400),
    'How long a supervisor has for a manual review before reminders',
  ),
  reopenWindow: described(
    elapsedDuration(0, 365 * 86_400),
    "How long after a resolution the customer's message reopens the case",
  ),
  awaitingCustomerReminderAfter: described(
    elapsedDuration(3_600, 60 * 86_400),
    'How long a case awaits the customer before their one reminder',
  ),
  awaitingCustomerLimit: described(
    elapsedDuration(3_600, 90 * 86_400),
    'How long a case awaits the customer at most; then it is resolved as no_action or flagged',
  ),
  awaitingCustomerOutcome: described(
    z.enum(['resolve_no_action', 'flag']),
    'What ends a wait past the limit: resolved as no_action, or flagged for the supervisors',
  ),
  kpiTargets: described(z.strictObject(kpiTargetFields), "Targets beside the KPI report's figures"),
  intakeLimitPerCustomerPerHour: described(
    z.int().check(z.gte(1), z.lte(MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR)),
    'New cases one customer may file per hour (UTC clock hours); past it POST /v1/cases answers 429',
  ),
  compensationLimit: described(
    moneyAmount,
    "The highest compensation one resolution may pay, in the case's currency (0: none); above the policy's autoApproveValueLimit an agent's needs a supervisor's approval",
  ),
};

/** The version read, sent back: the write is refused (409) when another save came first. */
const readVersion = z.optional(z.int().check(z.gte(0)));

/**
 * `PUT /v1/admin/store`: the whole editable profile. The store is the caller's (from their token), never a body field
 * (unknown fields, `storeId` included, are refused). `version` works as in `PUT /v1/admin/policy` (0: never saved).
 * A field with a default that the body leaves out is set to its default: a replace, as `PUT` says.
 */
export const storeProfileBodySchema = z
  .strictObject({
    ...profileFields,
    version: readVersion,
    awaitingCustomerOutcome: z._default(profileFields.awaitingCustomerOutcome, DEFAULT_AWAITING_CUSTOMER_RULES.outcome),
    kpiTargets: z
      ._default(
        z.strictObject({
          firstResponseMaxMinutes: z._default(
            kpiTargetFields.firstResponseMaxMinutes,
            DEFAULT_KPI_TARGETS.firstResponseMaxMinutes,
          ),
          resolutionRateMin: z._default(kpiTargetFields.resolutionRateMin, DEFAULT_KPI_TARGETS.resolutionRateMin),
          csatMin: z._default(kpiTargetFields.csatMin, DEFAULT_KPI_TARGETS.csatMin),
        }),
        DEFAULT_KPI_TARGETS,
      )
      .check(z.describe("Targets beside the KPI report's figures; each defaults to seed 001's")),
    intakeLimitPerCustomerPerHour: z._default(
      profileFields.intakeLimitPerCustomerPerHour,
      DEFAULT_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR,
    ),
    compensationLimit: z._default(profileFields.compensationLimit, DEFAULT_COMPENSATION_LIMIT),
  })
  .check(
    z.refine(
      ({ awaitingCustomerReminderAfter: reminder, awaitingCustomerLimit: limit }) =>
        !isIsoDuration(reminder) || !isIsoDuration(limit) || durationToSeconds(reminder) < durationToSeconds(limit),
      { path: ['awaitingCustomerReminderAfter'], message: 'Shorter than awaitingCustomerLimit' },
    ),
  ) satisfies z.ZodMiniType<EditableStoreProfile & { version?: number }>;
export type StoreProfileBody = z.output<typeof storeProfileBodySchema>;

/**
 * `PATCH /v1/admin/store`: only the fields to change (a JSON Merge Patch, RFC 7396: `kpiTargets` merges field by field).
 * Each field sent is held to its `PUT` rule here; the merged profile is checked whole again (rules across fields).
 */
export const storeProfilePatchSchema = z.strictObject({
  ...z.partial(z.strictObject(profileFields)).shape,
  kpiTargets: z.optional(z.partial(z.strictObject(kpiTargetFields))),
  version: readVersion,
});
export type StoreProfilePatch = z.output<typeof storeProfilePatchSchema>;

/** `POST /v1/admin/store/api-keys`: how long the replaced key keeps working (`P1D` when absent; PT0S for a leaked key). */
export const apiKeyRotationBodySchema = z._default(
  z.strictObject({ overlap: z.optional(elapsedDuration(0, MAX_KEY_OVERLAP_SECONDS)) }),
  {},
);
export type ApiKeyRotationBody = z.output<typeof apiKeyRotationBodySchema>;

/** `DELETE /v1/admin/store/api-keys/{keyId}`: an id from `GET /v1/admin/store/api-keys`. */
export const apiKeyPathSchema = z.strictObject({
  keyId: z
    .string()
    .check(
      z.regex(API_KEY_ID_PATTERN, 'A key id from GET /v1/admin/store/api-keys'),
      z.describe('16 hex characters, or pre-rotation for the keys issued before the first rotation'),
    ),
});
