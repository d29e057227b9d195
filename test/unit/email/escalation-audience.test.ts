import { describe, expect, it } from 'vitest';
import { escalationAudienceOf } from '../../../functions/email/escalation-audience.js';

describe('Function: escalationAudienceOf', () => {
  it.each([
    { level: 1, notified: 'assigned_agent', audience: 'agent' },
    { level: 1, notified: 'supervisors', audience: 'unassignedQueue' },
    { level: 2, notified: 'supervisors', audience: 'supervisors' },
    { level: 3, notified: 'admins', audience: 'management' },
    // Level 3 of a store without admins: its supervisors stand in.
    { level: 3, notified: 'supervisors', audience: 'supervisors' },
  ] as const)('returns $audience when level $level notifies $notified', ({ level, notified, audience }) => {
    // Act
    const addressed = escalationAudienceOf(level, notified);

    // Assess
    expect(addressed).toBe(audience);
  });
});
