import * as z from 'zod';
import type { AgentProfile } from '../domain/agent.js';
import { CASE_TYPES, LOCALES, PRIORITIES } from '../domain/case.js';
import type { StorePolicy } from '../domain/policy/store-policy.js';
import type { PriorityMatrix } from '../domain/priority.js';
import { agentIdSchema } from './staff-requests.js';

/** Request schemas of the /v1/admin routes (API.md "Admin"). */

/** The id is checked by the use case: a malformed id is a 404, like an unknown agent. */
export const agentPathSchema = z.strictObject({ agentId: z.string() });

const category = z.string().trim().min(1).max(64);

/** Each listed value once: a repeated one is a typo worth reporting. */
const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, 'Each value once');

const agentSkillsSchema = z.strictObject({
  types: distinct(z.enum(CASE_TYPES), CASE_TYPES.length),
  categories: distinct(category, 100),
  locales: distinct(z.enum(LOCALES), LOCALES.length).min(1),
});

const agentProfileFields = {
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  skills: agentSkillsSchema,
  maxOpenCases: z.int().min(1).max(500),
  available: z.boolean(),
  supervisorId: z.string().trim().min(1).max(128).optional(),
};

/** Words the queue's `?assignee=` gives a meaning of its own: no agent may be called that. */
const RESERVED_AGENT_IDS = ['me', 'unassigned'];

/** `POST /v1/admin/agents`: a new agent's whole profile; the load counters are the system's. */
export const createAgentBodySchema = z.strictObject({
  agentId: agentIdSchema.refine(
    (agentId) => !RESERVED_AGENT_IDS.includes(agentId),
    'Reserved: me and unassigned name queues',
  ),
  ...agentProfileFields,
}) satisfies z.ZodType<AgentProfile>;

/** `PUT /v1/admin/agents/{agentId}`: the whole profile again (the path names the agent). */
export const updateAgentBodySchema = z.strictObject(agentProfileFields) satisfies z.ZodType<
  Omit<AgentProfile, 'agentId'>
>;

const priority = z.enum(PRIORITIES);
const urgencyRow = z.strictObject({ high: priority, medium: priority, low: priority });
const priorityMatrixSchema = z.strictObject({
  critical: urgencyRow,
  major: urgencyRow,
  minor: urgencyRow,
}) satisfies z.ZodType<PriorityMatrix>;

const days = (max: number) => z.int().min(0).max(max);
const money = z.number().min(0).max(10_000_000).multipleOf(0.01, 'At most two decimals');

/**
 * `PUT /v1/admin/policy`: the whole policy. `version` is the server's (the saved policy gets the current one plus one);
 * a client may send back the version it read, and a stale one is a 409 instead of overwriting a newer policy.
 */
export const policyBodySchema = z.strictObject({
  version: z.int().min(1).optional(),
  returnWindowDays: days(365),
  exchangeWindowDays: days(365),
  warrantyDays: days(3_650),
  nonReturnableCategories: distinct(category, 100),
  evidenceRequiredTypes: distinct(z.enum(CASE_TYPES), CASE_TYPES.length),
  autoApproveValueLimit: money,
  priorityMatrix: priorityMatrixSchema,
  highValueThreshold: money,
  repeatCaseThreshold: z.int().min(1).max(100),
}) satisfies z.ZodType<Omit<StorePolicy, 'version'> & { version?: number }>;
export type PolicyBody = z.output<typeof policyBodySchema>;
