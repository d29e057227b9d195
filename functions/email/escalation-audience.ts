import type { LadderRecipients } from '../domain/sla/escalation-ladder.js';

/**
 * Who an escalation email speaks to, which decides its wording. The ladder decides who is told (`notified`, see
 * `domain/sla/escalation-ladder.ts`); the wording only tells the supervisors at level 1 (a case nobody handles: assign
 * it now) from the supervisors at a higher level (it is escalated to you).
 */
export type EscalationAudience = 'agent' | 'unassignedQueue' | 'supervisors' | 'management';

export const escalationAudienceOf = (level: number, notified: LadderRecipients): EscalationAudience => {
  if (notified === 'admins') return 'management';
  if (notified === 'assigned_agent') return 'agent';
  return level <= 1 ? 'unassignedQueue' : 'supervisors';
};
