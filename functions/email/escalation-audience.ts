import { MAX_ESCALATION_LEVEL } from '../domain/sla/sla-policy.js';

/**
 * Who an escalation email speaks to, which decides its wording: level 1 the assigned agent (the supervisors, asked to
 * assign, while nobody is), level 2 the supervisors, the last level the store's admins.
 */
export type EscalationAudience = 'agent' | 'unassignedQueue' | 'supervisors' | 'management';

export const escalationAudienceOf = (level: number, assigneeName?: string): EscalationAudience => {
  if (level >= MAX_ESCALATION_LEVEL) return 'management';
  if (level >= 2) return 'supervisors';
  return assigneeName ? 'agent' : 'unassignedQueue';
};
