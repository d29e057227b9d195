import type { Dependencies } from '../../commons/dependencies.js';
import { NotFoundError } from '../../domain/errors.js';
import { customerCaseView } from '../customer-case-view.js';
import { findCaseWithTimeline } from '../find-case.js';
import { slaOfCase } from '../sla/sla-context.js';

/**
 * The customer's view of one case (`GET /v1/cases/{caseId}`, and the answer to a cancellation), with the due times
 * they were promised. Another store's case is indistinguishable from a missing one, as is a malformed id.
 */
export const getCustomerCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'clock'>,
  { storeId, caseId }: { storeId: string; caseId: string },
): Promise<ReturnType<typeof customerCaseView>> => {
  const { case: current, timeline } = await findCaseWithTimeline(dependencies, caseId);
  if (current.storeId !== storeId) throw new NotFoundError('No such case');
  const { sla } = await slaOfCase(dependencies, current, timeline);
  return customerCaseView(current, timeline, sla, dependencies.clock.now());
};
