import * as z from 'zod';
import {
  agentPathSchema,
  createAgentBodySchema,
  policyBodySchema,
  slaPolicyBodySchema,
  updateAgentBodySchema,
} from './admin-requests.js';
import { attachmentRequestSchema, caseRequestSchema, listCasesQuerySchema } from './case-request.js';
import { cancelCaseBodySchema, customerCasePathSchema, customerMessageBodySchema } from './customer-requests.js';
import {
  assignBodySchema,
  noteBodySchema,
  reclassifyBodySchema,
  replyBodySchema,
  resolveBodySchema,
  reviewBodySchema,
  staffCasePathSchema,
  staffQueueQuerySchema,
  statusBodySchema,
} from './staff-requests.js';

/**
 * The request schemas of each route (by the route's name in functions/wiring/routes.ts). Handlers validate with them
 * and the OpenAPI document is generated from them, so the published contract is what is enforced.
 */
export const ROUTE_SCHEMAS = {
  createCase: { body: caseRequestSchema },
  listCases: { query: listCasesQuerySchema },
  getCase: { path: z.object({ caseId: z.string() }) },
  checkEligibility: { body: caseRequestSchema },
  createAttachment: { body: attachmentRequestSchema },
  postCustomerMessage: { path: customerCasePathSchema, body: customerMessageBodySchema },
  cancelCase: { path: customerCasePathSchema, body: cancelCaseBodySchema },
  listStaffCases: { query: staffQueueQuerySchema },
  getStaffCase: { path: staffCasePathSchema },
  replyToCase: { path: staffCasePathSchema, body: replyBodySchema },
  addCaseNote: { path: staffCasePathSchema, body: noteBodySchema },
  changeCaseStatus: { path: staffCasePathSchema, body: statusBodySchema },
  resolveCase: { path: staffCasePathSchema, body: resolveBodySchema },
  reclassifyCase: { path: staffCasePathSchema, body: reclassifyBodySchema },
  assignCase: { path: staffCasePathSchema, body: assignBodySchema },
  reviewCase: { path: staffCasePathSchema, body: reviewBodySchema },
  listAgents: {},
  createAgent: { body: createAgentBodySchema },
  updateAgent: { path: agentPathSchema, body: updateAgentBodySchema },
  getPolicy: {},
  putPolicy: { body: policyBodySchema },
  getSlaPolicy: {},
  putSlaPolicy: { body: slaPolicyBodySchema },
  getOpenApi: {},
} satisfies Record<string, { body?: z.ZodType; query?: z.ZodType; path?: z.ZodType }>;
