import type * as z from 'zod/mini';
import {
  agentPathSchema,
  createAgentBodySchema,
  patchAgentBodySchema,
  policyBodySchema,
  slaPolicyBodySchema,
  updateAgentBodySchema,
} from './admin-requests.js';
import { attachmentRequestSchema, caseRequestSchema, listCasesQuerySchema } from './case-request.js';
import { cancelCaseBodySchema, customerMessageBodySchema } from './customer-requests.js';
import { caseExportQuerySchema, csatReportQuerySchema, kpiReportQuerySchema } from './report-requests.js';
import { caseAttachmentPathSchema, casePathSchema } from './shared-fields.js';
import { caseNumberPathSchema } from './case-search.js';
import {
  apiKeyPathSchema,
  apiKeyRotationBodySchema,
  storeProfileBodySchema,
  storeProfilePatchSchema,
} from './store-requests.js';
import {
  assignBodySchema,
  noteBodySchema,
  reclassifyBodySchema,
  replyBodySchema,
  resolutionApprovalBodySchema,
  resolveBodySchema,
  retryWorkflowBodySchema,
  reviewBodySchema,
  revisitBodySchema,
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
  getCase: { path: casePathSchema },
  checkEligibility: { body: caseRequestSchema },
  createAttachment: { body: attachmentRequestSchema },
  postCustomerMessage: { path: casePathSchema, body: customerMessageBodySchema },
  cancelCase: { path: casePathSchema, body: cancelCaseBodySchema },
  listStaffCases: { query: staffQueueQuerySchema },
  getKpiReport: { query: kpiReportQuerySchema },
  getCsatReport: { query: csatReportQuerySchema },
  exportCases: { query: caseExportQuerySchema },
  getStaffCase: { path: casePathSchema },
  getStaffCaseByNumber: { path: caseNumberPathSchema },
  getCaseAttachment: { path: caseAttachmentPathSchema },
  replyToCase: { path: casePathSchema, body: replyBodySchema },
  addCaseNote: { path: casePathSchema, body: noteBodySchema },
  changeCaseStatus: { path: casePathSchema, body: statusBodySchema },
  resolveCase: { path: casePathSchema, body: resolveBodySchema },
  decideResolutionApproval: { path: casePathSchema, body: resolutionApprovalBodySchema },
  reclassifyCase: { path: casePathSchema, body: reclassifyBodySchema },
  assignCase: { path: casePathSchema, body: assignBodySchema },
  reviewCase: { path: casePathSchema, body: reviewBodySchema },
  completeRevisit: { path: casePathSchema, body: revisitBodySchema },
  retryCaseWorkflow: { path: casePathSchema, body: retryWorkflowBodySchema },
  listAgents: {},
  createAgent: { body: createAgentBodySchema },
  updateAgent: { path: agentPathSchema, body: updateAgentBodySchema },
  patchAgent: { path: agentPathSchema, body: patchAgentBodySchema },
  getPolicy: {},
  putPolicy: { body: policyBodySchema },
  getSlaPolicy: {},
  putSlaPolicy: { body: slaPolicyBodySchema },
  getStoreProfile: {},
  putStoreProfile: { body: storeProfileBodySchema },
  patchStoreProfile: { body: storeProfilePatchSchema },
  rotateApiKey: { body: apiKeyRotationBodySchema },
  listApiKeys: {},
  revokeApiKey: { path: apiKeyPathSchema },
  getOpenApi: {},
} satisfies Record<string, { body?: z.ZodMiniType; query?: z.ZodMiniType; path?: z.ZodMiniType }>;
