import type { TemplateOf } from '../../../functions/email/templates.js';

/** Templates and constants the email tests share; override what a test is about. */

export const CASE_NUMBER = 'AS-20261124-0001';
export const HAN = /[\u4e00-\u9fff]/;

// 2026-11-30T04:00:00Z is noon on the store's wall clock in Shanghai (UTC+8).
export const DUE_AT = '2026-11-30T04:00:00Z';
export const SHOWN_DUE = '2026-11-30 12:00 (Asia/Shanghai)';

export const staffCase = { caseNumber: CASE_NUMBER, caseId: 'case_01JABC', storeName: 'Kettle Shop' };

export const slaWarning: TemplateOf<'sla_warning'> = {
  kind: 'sla_warning',
  ...staffCase,
  priority: 'P2',
  milestone: 'firstResponse',
  dueAt: DUE_AT,
  timezone: 'Asia/Shanghai',
};

/** Level 1 of the first response, to the assigned agent. */
export const slaEscalation: TemplateOf<'sla_escalated'> = {
  kind: 'sla_escalated',
  ...staffCase,
  priority: 'P2',
  milestone: 'firstResponse',
  level: 1,
  notified: 'assigned_agent',
  dueAt: DUE_AT,
  timezone: 'Asia/Shanghai',
  assigneeName: 'Wang Fang',
  reassignmentAllowed: false,
};

export const p1Assigned: TemplateOf<'p1_case_assigned'> = {
  kind: 'p1_case_assigned',
  ...staffCase,
  caseType: 'product_fault',
  agentName: 'Wang Fang',
  firstResponseDueAt: DUE_AT,
  timezone: 'Asia/Shanghai',
};
