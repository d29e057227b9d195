import type { StaffRole } from '../domain/staff.js';

const ALL_STAFF: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];
const SUPERVISING: readonly StaffRole[] = ['supervisor', 'admin'];
const ADMIN: readonly StaffRole[] = ['admin'];

/**
 * Who may call each staff route (403 for the others), by the route's name: `ROUTES` takes each route's `roles` from
 * here, and a staff route's handler reads its own here, so its bundle carries this small map instead of every route's
 * declaration (`functions/http/route.ts`).
 */
export const ROUTE_ROLES = {
  listStaffCases: ALL_STAFF,
  getStaffCaseByNumber: ALL_STAFF,
  getStaffCase: ALL_STAFF,
  getCaseAttachment: ALL_STAFF,
  replyToCase: ALL_STAFF,
  addCaseNote: ALL_STAFF,
  changeCaseStatus: ALL_STAFF,
  resolveCase: ALL_STAFF,
  decideResolutionApproval: SUPERVISING,
  reclassifyCase: ALL_STAFF,
  getKpiReport: SUPERVISING,
  getCsatReport: SUPERVISING,
  exportCases: SUPERVISING,
  retryCaseWorkflow: SUPERVISING,
  assignCase: SUPERVISING,
  reviewCase: SUPERVISING,
  completeRevisit: ALL_STAFF,
  listAgents: SUPERVISING,
  createAgent: ADMIN,
  updateAgent: ADMIN,
  patchAgent: ADMIN,
  getPolicy: ADMIN,
  putPolicy: ADMIN,
  getSlaPolicy: ADMIN,
  putSlaPolicy: ADMIN,
  getStoreProfile: ADMIN,
  putStoreProfile: ADMIN,
  patchStoreProfile: ADMIN,
  rotateApiKey: ADMIN,
  listApiKeys: ADMIN,
  revokeApiKey: ADMIN,
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffRouteName = keyof typeof ROUTE_ROLES;
