/**
 * Who else has a case open in the console: each staff member's last poll of the case page says they are viewing it
 * or writing a reply, and counts for a short while. One record per person and case (a new poll replaces it), kept
 * under the case's store, expiring on its own: nothing to clean up, and at most as many records as a store has staff.
 */
export const PRESENCE_STATES = ['viewing', 'replying'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** A poll counts this long: the page polls every 5 s while visible, so three missed polls end the presence. */
export const PRESENCE_SECONDS = 20;

/** At most this many others are read and shown per case. */
export const MAX_PRESENCE_SHOWN = 10;

export interface CasePresence {
  storeId: string;
  caseId: string;
  userId: string;
  /** The display name shown to the others ("agent2 is replying"). */
  name: string;
  state: PresenceState;
  /** Until when it counts (the poll's time + `PRESENCE_SECONDS`). */
  until: string;
}

export const presenceUntil = (now: Date): string => new Date(now.getTime() + PRESENCE_SECONDS * 1000).toISOString();

/** Others still present at `now`, each once: replying before viewing, then by name. */
export const othersPresent = (
  records: readonly CasePresence[],
  userId: string,
  now: Date,
): Pick<CasePresence, 'name' | 'state'>[] =>
  records
    .filter((record) => record.userId !== userId && Date.parse(record.until) > now.getTime())
    .sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === 'replying' ? -1 : 1))
    .slice(0, MAX_PRESENCE_SHOWN)
    .map(({ name, state }) => ({ name, state }));
