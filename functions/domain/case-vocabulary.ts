/** The words a case is described with: its types, statuses, locales, channels, priorities and outcomes. A leaf
 * module, so the rules about surveys and SLAs can use them without importing the case model. */
export const CASE_TYPES = [
  'return',
  'exchange',
  'repair',
  'refund',
  'product_fault',
  'usage_question',
  'complaint',
  'suggestion',
  'logistics',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = [
  'submitted',
  'pending_review',
  'rejected',
  'open',
  'assigned',
  'in_progress',
  'awaiting_customer',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const URGENCIES = ['high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CHANNELS = ['web', 'app', 'email', 'phone', 'chat', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RESOLUTION_TYPES = [
  'refund',
  'exchange',
  'repair',
  'replacement',
  'compensation',
  'guidance',
  'no_action',
] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

export const ROOT_CAUSES = ['design_defect', 'production_quality', 'misuse', 'logistics_damage', 'other'] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];
