import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import {
  MAX_PRESENCE_SHOWN,
  othersPresent,
  presenceUntil,
  type CasePresence,
  type PresenceState,
} from '../../domain/case-presence.js';
import type { StaffUser } from '../../domain/staff.js';
import { findCase } from '../find-case.js';

/** What the open case page learns at each poll. */
export interface CaseLiveState {
  /** How many messages the customer has posted on the case: a number above the page's means a new one arrived. */
  customerMessages: number;
  status: Case['status'];
  updatedAt: string;
  /** The other staff with the case open now, replying first. */
  others: Pick<CasePresence, 'name' | 'state'>[];
}

/**
 * The console case page's poll (`GET /console/cases/{caseId}/live`, every 5 s at most while the page is visible):
 * 1. the case access rule of every staff action (another store's case 404, an agent's case not theirs 403);
 * 2. records the caller's presence on the case (viewing or replying), counting for `PRESENCE_SECONDS`;
 * 3. answers the case's customer message count and state, and who else is present now.
 */
export const pollCaseLive = async (
  dependencies: Pick<Dependencies, 'cases' | 'presence' | 'clock'>,
  user: StaffUser,
  request: { caseId: string; state: PresenceState },
): Promise<CaseLiveState> => {
  const current = await findCase(dependencies, request.caseId);
  assertCaseAccess(user, current);
  const now = dependencies.clock.now();
  const { storeId, caseId } = current;
  await dependencies.presence.mark({
    storeId,
    caseId,
    userId: user.userId,
    name: user.name,
    state: request.state,
    until: presenceUntil(now),
  });
  const records = await dependencies.presence.onCase(storeId, caseId, MAX_PRESENCE_SHOWN * 5);
  return {
    customerMessages: current.customerMessages ?? 0,
    status: current.status,
    updatedAt: current.updatedAt,
    others: othersPresent(records, user.userId, now),
  };
};
