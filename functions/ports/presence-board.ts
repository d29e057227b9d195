import type { CasePresence } from '../domain/case-presence.js';

/** Who has which case open in the console (`domain/case-presence.ts`): a DynamoDB table with TTL in AWS and locally. */
export interface PresenceBoard {
  /** Records (or replaces) this person's presence on the case. */
  mark(presence: CasePresence): Promise<void>;
  /** The case's presence records, at most `limit`, expired ones possibly included (TTL deletes them late). */
  onCase(storeId: string, caseId: string, limit: number): Promise<CasePresence[]>;
}
