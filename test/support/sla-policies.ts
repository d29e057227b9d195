import { expect } from 'vitest';
import { PRIORITIES } from '../../functions/domain/case.js';
import type { ApiResponse } from './local-stack.js';
import type { StaffApi } from './staff-api.js';

/** Open around the clock, so targets of seconds fall due within a test whatever the time of day. */
export const ALWAYS_OPEN = { timezone: 'Asia/Shanghai', alwaysOpen: true };

/**
 * A `PUT /v1/admin/sla` body with the same targets for every priority and a three-level ladder; no warning unless
 * `warnAt` is given. The survey and revisit delays are the defaults unless `aftercare` gives them.
 */
export const slaPolicy = ({
  firstResponse,
  resolution,
  repeatEvery,
  warnAt,
  calendar = ALWAYS_OPEN,
  aftercare = {},
}: {
  firstResponse: string;
  resolution: string;
  repeatEvery: string;
  warnAt?: number;
  calendar?: Record<string, unknown>;
  /** `surveyDelay`, `surveyReminderAfter`, `surveyExpiresAfter`, `revisitAfter`: the defaults when absent. */
  aftercare?: Partial<
    Record<
      'surveyDelay' | 'surveyReminderAfter' | 'surveyExpiresAfter' | 'revisitAfter' | 'revisitAnswerWithin',
      string
    >
  >;
}) => ({
  calendar,
  targets: Object.fromEntries(PRIORITIES.map((priority) => [priority, { firstResponse, resolution }])),
  escalation: { repeatEvery, maxLevel: 3, ...(warnAt ? { warnAt } : {}) },
  ...aftercare,
});

/** Saves the policy as the store's admin; fails the test unless it is saved. */
export const putSlaPolicy = async (admin: StaffApi, policy: ReturnType<typeof slaPolicy>): Promise<ApiResponse> => {
  const saved = await admin.put('/v1/admin/sla', policy);
  expect(saved.status, saved.text).toBe(200);
  return saved;
};
