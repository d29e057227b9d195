/**
 * The revisit (回访): `revisitAfter` (business time) after a resolution, a follow-up task appears in the resolving
 * agent's queue to make sure the problem did not come back. `ok` closes the case; `recurred` reopens it.
 */
export const REVISIT_OUTCOMES = ['ok', 'recurred'] as const;
export type RevisitOutcome = (typeof REVISIT_OUTCOMES)[number];

export interface CaseRevisit {
  round: number;
  /** When the follow-up task appears (resolution + `revisitAfter`, business time). */
  dueAt: string;
  /** When the task counts as overdue and is escalated to the supervisors once (`dueAt` + `revisitAnswerWithin`). */
  answerDueAt: string;
  /** The task appeared in the queue and the agent was emailed. */
  openedAt?: string;
  escalatedAt?: string;
  outcome?: RevisitOutcome;
  note?: string;
  doneAt?: string;
  doneBy?: string;
}

/** `scheduled` before the task appears, `due` in the agent's queue, `overdue` past its answer time, `done`. */
export type RevisitViewStatus = 'scheduled' | 'due' | 'overdue' | 'done';

export const revisitViewStatus = (revisit: CaseRevisit, now: Date): RevisitViewStatus => {
  if (revisit.outcome) return 'done';
  if (now.getTime() < Date.parse(revisit.dueAt)) return 'scheduled';
  return now.getTime() < Date.parse(revisit.answerDueAt) ? 'due' : 'overdue';
};

/** A revisit task waits in the agent's queue: opened (or due) and not yet answered. */
export const isRevisitPending = (revisit: CaseRevisit | undefined): boolean =>
  revisit !== undefined && revisit.openedAt !== undefined && revisit.outcome === undefined;
