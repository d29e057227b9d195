import type { Dependencies } from '../../commons/dependencies.js';
import { movedDeadlines } from '../../domain/sla/case-sla.js';
import { applyIfStill } from '../workflow/load-case.js';
import type { SlaContext } from './sla-context.js';

/**
 * Keeps the case's copy of its due times (`Case.deadlines`, the work queue's order) in step with what its events and
 * the store's policy say now. Written only when they moved (first reply, pause, resume, priority or policy change),
 * and only while the case is still as read; a case that moved meanwhile is synced by whoever moved it.
 */
export const syncDeadlines = async (
  dependencies: Pick<Dependencies, 'cases'>,
  { current, sla }: Pick<SlaContext, 'current' | 'sla'>,
): Promise<boolean> => {
  const deadlines = movedDeadlines(current.deadlines, sla);
  if (!deadlines) return false;
  return applyIfStill(dependencies, current, {
    ifStatusIn: [current.status],
    ifAssignee: current.assignee?.agentId ?? null,
    set: { deadlines },
    events: [],
  });
};
