import { describe, expect, it } from 'vitest';
import { escalationAudienceOf } from '../../../functions/email/escalation-audience.js';

describe('Function: escalationAudienceOf', () => {
  it.each([
    { level: 1, assigneeName: 'Wang Fang', audience: 'agent' },
    { level: 1, assigneeName: undefined, audience: 'unassignedQueue' },
    { level: 1, assigneeName: '', audience: 'unassignedQueue' },
    { level: 2, assigneeName: 'Wang Fang', audience: 'supervisors' },
    { level: 2, assigneeName: undefined, audience: 'supervisors' },
    { level: 3, assigneeName: 'Wang Fang', audience: 'management' },
    { level: 3, assigneeName: undefined, audience: 'management' },
    { level: 4, assigneeName: 'Wang Fang', audience: 'management' },
  ] as const)(
    'returns $audience when level $level has assignee "$assigneeName"',
    ({ level, assigneeName, audience }) => {
      // Act
      const addressed = escalationAudienceOf(level, assigneeName);

      // Assess
      expect(addressed).toBe(audience);
    },
  );
});
