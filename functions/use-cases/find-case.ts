import type { Dependencies } from '../commons/dependencies.js';
import { CASE_ID_PATTERN, type Case } from '../domain/case.js';
import { NotFoundError } from '../domain/errors.js';
import type { TimelineEvent } from '../domain/timeline.js';

/** Reads a case by an id from a URL: a malformed id is as unknown as a missing case (404, nothing read). */
export const findCase = async ({ cases }: Pick<Dependencies, 'cases'>, caseId: string): Promise<Case> => {
  const found = CASE_ID_PATTERN.test(caseId) ? await cases.get(caseId) : undefined;
  if (!found) throw new NotFoundError('No such case');
  return found;
};

/** `findCase` with the case's timeline (one Query): for the views and the actions that need the events. */
export const findCaseWithTimeline = async (
  { cases }: Pick<Dependencies, 'cases'>,
  caseId: string,
): Promise<{ case: Case; timeline: TimelineEvent[] }> => {
  const found = CASE_ID_PATTERN.test(caseId) ? await cases.getWithTimeline(caseId) : undefined;
  if (!found) throw new NotFoundError('No such case');
  return found;
};
