import * as z from 'zod/mini';
import './zod-locale.js';
import type { AgentProfile } from '../domain/agent.js';
import { CASE_TYPES, LOCALES, PRIORITIES } from '../domain/case.js';
import { MISSING_EVIDENCE_HANDLING, type StorePolicy } from '../domain/policy/store-policy.js';
import type { PriorityMatrix } from '../domain/priority.js';
import { WEEKDAYS } from '../domain/sla/business-calendar.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../domain/sla/sla-policy.js';
import { moneyAmount, shareOfOne, singleLineText } from './shared-fields.js';
import { agentIdSchema } from './staff-requests.js';

/** Request schemas of the /v1/admin routes (API.md "Admin"). */

/** The id is checked by the use case: a malformed id is a 404, like an unknown agent. */
export const agentPathSchema = z.strictObject({ agentId: z.string() });

const category = singleLineText(64);

/** Each listed value once: a repeated one is a typo worth reporting. */
const distinct = <T extends z.ZodMiniType>(item: T, max: number) =>
  z.array(item).check(
    z.maxLength(max),
    z.refine((values) => new Set(values).size === values.length, 'Each value once'),
  );

const agentSkillsSchema = z.strictObject({
  types: distinct(z.enum(CASE_TYPES), CASE_TYPES.length),
  categories: distinct(category, 100),
  locales: distinct(z.enum(LOCALES), LOCALES.length).check(z.minLength(1)),
});

const agentProfileFields = {
  name: singleLineText(120),
  email: z.email().check(z.maxLength(254)),
  skills: agentSkillsSchema,
  maxOpenCases: z.int().check(z.gte(1), z.lte(500)),
  available: z.boolean(),
  supervisorId: z.optional(singleLineText(128)),
};

/** Words the queue's `?assignee=` gives a meaning of its own: no agent may be called that. */
const RESERVED_AGENT_IDS = ['me', 'unassigned'];

/** `POST /v1/admin/agents`: a new agent's whole profile; the load counters are the system's. */
export const createAgentBodySchema = z.strictObject({
  agentId: agentIdSchema.check(
    z.refine((agentId) => !RESERVED_AGENT_IDS.includes(agentId), 'Reserved: me and unassigned name queues'),
  ),
  ...agentProfileFields,
}) satisfies z.ZodMiniType<AgentProfile>;

/** `PUT /v1/admin/agents/{agentId}`: the whole profile again (the path names the agent); a supervisor left out is removed. */
export const updateAgentBodySchema = z.strictObject(agentProfileFields) satisfies z.ZodMiniType<
  Omit<AgentProfile, 'agentId'>
>;

/**
 * `PATCH /v1/admin/agents/{agentId}`: only the fields to change (a JSON Merge Patch, RFC 7396): `skills` merges field by
 * field, `supervisorId: null` removes the supervisor, a field not sent is kept. `version`, the one read, makes the save
 * conditional on it (409 when another admin saved since).
 */
export const patchAgentBodySchema = z.strictObject({
  ...z.partial(z.strictObject(agentProfileFields)).shape,
  skills: z.optional(z.partial(agentSkillsSchema)),
  supervisorId: z.optional(z.nullable(singleLineText(128))),
  version: z.optional(z.int().check(z.gte(0))),
});
export type PatchAgentBody = z.output<typeof patchAgentBodySchema>;

const priority = z.enum(PRIORITIES);
const urgencyRow = z.strictObject({ high: priority, medium: priority, low: priority });
const priorityMatrixSchema = z.strictObject({
  critical: urgencyRow,
  major: urgencyRow,
  minor: urgencyRow,
}) satisfies z.ZodMiniType<PriorityMatrix>;

const days = (max: number) => z.int().check(z.gte(0), z.lte(max));

/**
 * `PUT /v1/admin/policy`: the whole policy. `version` is the server's (the saved policy gets the current one plus one);
 * a client may send back the version it read, and a stale one is a 409 instead of overwriting a newer policy.
 */
export const policyBodySchema = z.strictObject({
  version: z.optional(z.int().check(z.gte(1))),
  returnWindowDays: days(365),
  exchangeWindowDays: days(365),
  warrantyDays: days(3_650),
  nonReturnableCategories: distinct(category, 100),
  evidenceRequiredTypes: distinct(z.enum(CASE_TYPES), CASE_TYPES.length),
  missingEvidence: z
    ._default(z.enum(MISSING_EVIDENCE_HANDLING), 'request')
    .check(
      z.describe(
        'Without evidence: request it (the case waits for the customer) or reject; a safety hazard is never rejected',
      ),
    ),
  autoApproveValueLimit: moneyAmount,
  priorityMatrix: priorityMatrixSchema,
  highValueThreshold: moneyAmount,
  repeatCaseThreshold: z.int().check(z.gte(1), z.lte(100)),
}) satisfies z.ZodMiniType<Omit<StorePolicy, 'version'> & { version?: number }>;
export type PolicyBody = z.output<typeof policyBodySchema>;

/*
 * `PUT /v1/admin/sla`. The schema checks the shape only (types, lengths, no unknown fields); what the values mean (real
 * timezones and dates, ordered hours, durations valid for their kind, levels 1 to 3) is `slaPolicyProblems`'s, so an
 * admin gets every such problem in one answer. The descriptions publish those rules in the OpenAPI document.
 */
const businessDuration = z
  .string()
  .check(
    z.maxLength(40),
    z.describe('ISO 8601 duration in business time (working days, no weeks), PT1S to P366D, whole seconds'),
  );
const elapsedDuration = z
  .string()
  .check(z.maxLength(40), z.describe('ISO 8601 duration in elapsed time, PT1S to P366D, whole seconds'));
const localDate = z.string().check(z.maxLength(10), z.describe('A store-local date, YYYY-MM-DD'));
const clockTime = z.string().check(z.maxLength(5), z.describe('Store-local HH:MM, 00:00 to 24:00'));
const workingHoursSchema = z.strictObject({ start: clockTime, end: clockTime });

const calendarSchema = z.strictObject({
  timezone: z
    .string()
    .check(z.minLength(1), z.maxLength(64), z.describe('IANA timezone the hours and dates are read in')),
  alwaysOpen: z
    .optional(z.boolean())
    .check(z.describe('24x7: business time is elapsed time; no weekly, holidays, makeUpDays')),
  weekly: z
    .optional(z.partialRecord(z.enum(WEEKDAYS), z.array(workingHoursSchema).check(z.maxLength(12))))
    .check(
      z.describe('Working hours per weekday; a weekday not listed is closed. Absent: Monday to Friday 09:00-18:00'),
    ),
  holidays: z.optional(z.array(localDate).check(z.maxLength(1_000))),
  makeUpDays: z
    .optional(z.array(localDate).check(z.maxLength(1_000)))
    .check(z.describe("Closed days worked instead, with the hours of the week's first working day")),
});

const slaTargetSchema = z.strictObject({ firstResponse: businessDuration, resolution: businessDuration });

/**
 * `PUT /v1/admin/sla`: the whole SLA policy. Calendar, targets (every priority) and escalation are required; the
 * survey and revisit durations default to the default policy's when absent. `escalation.warnAt` absent means no
 * warning, as `GET` shows it, so a policy read and sent back unchanged saves the same policy. `version` works as in
 * `PUT /v1/admin/policy` (0 is the default of a store that never saved one).
 */
export const slaPolicyBodySchema = z.strictObject({
  version: z.optional(z.int().check(z.gte(0))),
  calendar: calendarSchema,
  targets: z.strictObject({ P1: slaTargetSchema, P2: slaTargetSchema, P3: slaTargetSchema, P4: slaTargetSchema }),
  escalation: z.strictObject({
    repeatEvery: businessDuration,
    maxLevel: z.int().check(z.describe('The last escalation level, 1 to 3')),
    warnAt: z
      .optional(shareOfOne)
      .check(z.describe('Warn at this share of the target, 0 < warnAt < 1; absent: no warning')),
  }),
  surveyDelay: z._default(elapsedDuration, DEFAULT_SLA_POLICY.surveyDelay),
  surveyReminderAfter: z._default(elapsedDuration, DEFAULT_SLA_POLICY.surveyReminderAfter),
  surveyExpiresAfter: z._default(elapsedDuration, DEFAULT_SLA_POLICY.surveyExpiresAfter),
  revisitAfter: z._default(businessDuration, DEFAULT_SLA_POLICY.revisitAfter),
  revisitAnswerWithin: z._default(businessDuration, DEFAULT_SLA_POLICY.revisitAnswerWithin),
}) satisfies z.ZodMiniType<SlaPolicy & { version?: number }>;
export type SlaPolicyBody = z.output<typeof slaPolicyBodySchema>;
