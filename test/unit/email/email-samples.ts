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

export const agentAssigned: TemplateOf<'agent_case_assigned'> = {
  kind: 'agent_case_assigned',
  ...staffCase,
  agentName: 'Wang Fang',
  caseType: 'return',
  orderId: 'SO-1001',
  priority: 'P2',
  firstResponseDueAt: DUE_AT,
  timezone: 'Asia/Shanghai',
};

export const agentReopened: TemplateOf<'agent_case_reopened'> = {
  kind: 'agent_case_reopened',
  ...staffCase,
  agentName: 'Wang Fang',
  caseType: 'product_fault',
  orderId: 'SO-1001',
  priority: 'P2',
  reason: 'customer_message',
  round: 2,
};

export const SURVEY_URL = 'https://api.example/prod/survey/cs_01.1.1767225600.AAAAAAAAAAAAAAAAAAAAAA.sig';

export const customerCase = { caseNumber: CASE_NUMBER, customerName: 'Li Lei', storeName: 'Kettle Shop' };

// The link expires at noon on the store's wall clock, like the due times.
export const surveyInvitation: TemplateOf<'survey_invitation'> = {
  kind: 'survey_invitation',
  ...customerCase,
  surveyUrl: SURVEY_URL,
  expiresAt: DUE_AT,
  timezone: 'Asia/Shanghai',
};

export const surveyReminder: TemplateOf<'survey_reminder'> = { ...surveyInvitation, kind: 'survey_reminder' };

// Resolved at 2026-11-23 16:30 on the store's wall clock (08:30Z).
export const RESOLVED_AT = '2026-11-23T08:30:00Z';
export const SHOWN_RESOLVED = '2026-11-23 16:30 (Asia/Shanghai)';

export const revisitDue: TemplateOf<'revisit_due'> = {
  kind: 'revisit_due',
  ...staffCase,
  agentName: 'Wang Fang',
  resolvedAt: RESOLVED_AT,
  answerDueAt: DUE_AT,
  timezone: 'Asia/Shanghai',
  resolutionType: 'repair',
};

export const revisitOverdue: TemplateOf<'revisit_overdue'> = {
  kind: 'revisit_overdue',
  ...staffCase,
  agentName: 'Wang Fang',
  answerDueAt: DUE_AT,
  timezone: 'Asia/Shanghai',
};

export const caseReopened: TemplateOf<'case_reopened'> = {
  kind: 'case_reopened',
  ...customerCase,
  reason: 'revisit_recurred',
  agentName: 'Wang Fang',
};
