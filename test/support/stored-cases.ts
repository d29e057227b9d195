import type { Case } from '../../functions/domain/case.js';
import type { TimelineEvent } from '../../functions/domain/timeline.js';
import type { CaseStore } from '../../functions/ports/case-store.js';

/** Where a test reads cases from: a DynamoDB fixture, or a test stack's `dependencies`. */
interface CaseSource {
  cases: Pick<CaseStore, 'get' | 'getWithTimeline'>;
}

/** The stored case; throws when there is none, so a test reads fields without checks. */
export const caseOf = async ({ cases }: CaseSource, caseId: string): Promise<Case> => {
  const found = await cases.get(caseId);
  if (!found) throw new Error(`No case ${caseId}`);
  return found;
};

/** The case's whole timeline, internal events included, oldest first; empty when there is no such case. */
export const timelineOf = async ({ cases }: CaseSource, caseId: string): Promise<TimelineEvent[]> =>
  (await cases.getWithTimeline(caseId))?.timeline ?? [];
