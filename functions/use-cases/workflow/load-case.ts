import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import type { Store } from '../../domain/store.js';
import type { CaseChange } from '../../ports/case-store.js';

export const loadCase = async ({ cases }: Pick<Dependencies, 'cases'>, caseId: string): Promise<Case> => {
  const found = await cases.get(caseId);
  if (!found) throw new NotFoundError(`Case ${caseId} not found`);
  return found;
};

/** The store's profile; `fresh` reads it past any cache, consistently (before a write that builds on it). */
export const loadStore = async (
  { stores }: Pick<Dependencies, 'stores'>,
  storeId: string,
  options?: { fresh?: boolean },
): Promise<Store> => {
  const store = await stores.getStore(storeId, options);
  if (!store) throw new NotFoundError(`Store ${storeId} not found`);
  return store;
};

/**
 * Applies a change unless the case has moved on; returns false then. Workflow steps run at least once (Step Functions
 * retries, a restarted local engine), so a step that finds its work done is a success, not a failure.
 */
export const applyIfStill = async (
  { cases }: Pick<Dependencies, 'cases'>,
  current: Case,
  change: CaseChange,
): Promise<boolean> => {
  try {
    await cases.update(current, change);
    return true;
  } catch (error) {
    if (error instanceof StateConflictError) return false;
    throw error;
  }
};
