import type { Dependencies } from '../../commons/dependencies.js';
import { ValidationError } from '../../domain/errors.js';
import type { StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import { slaHorizonProblems, slaPolicyProblems } from '../../domain/sla/sla-policy-problems.js';
import type { SlaPolicyBody } from '../../schemas/admin-requests.js';
import { errorName, logger } from '../../commons/logger.js';

/** The store's SLA policy (`GET /v1/admin/sla`): the default on the store's timezone until an admin saves one. */
export const getSlaPolicy = ({ stores }: Pick<Dependencies, 'stores'>, storeId: string): Promise<StoreSlaPolicy> =>
  stores.getSlaPolicy(storeId);

/**
 * Replaces the store's SLA policy (`PUT /v1/admin/sla`). Every problem with its values is reported at once (400) and
 * nothing is written then. Versions work as in `putPolicy`: a `version` sent back must be the one it replaces (409
 * otherwise), and the store's write is itself conditional on it. Returns the saved policy as soon as it is written:
 * the views time open cases by it at once, and the re-timing of their deadlines and parked waits (work that grows with
 * the store) is queued as a `retimeOpenCases` job for that version, run just after by the work queue's consumer.
 * Should the queue refuse the job, the save still stands (logged): each parked wait then follows the new policy when
 * it next wakes, at the latest after the store's recheck period (`signalRecheckAfter`).
 */
export const putSlaPolicy = async (
  dependencies: Pick<Dependencies, 'stores' | 'workQueue' | 'clock'>,
  storeId: string,
  { version: readVersion, ...policy }: SlaPolicyBody,
): Promise<StoreSlaPolicy> => {
  const shapeProblems = slaPolicyProblems(policy);
  const problems = shapeProblems.length > 0 ? shapeProblems : slaHorizonProblems(policy, dependencies.clock.now());
  if (problems.length > 0) throw new ValidationError('Invalid SLA policy', { details: problems });
  // The version sent back is checked by the write itself: a cached read here could be older than another save.
  const saved = await dependencies.stores.saveSlaPolicy(storeId, { ...policy, version: readVersion ?? 0 }, readVersion);
  try {
    await dependencies.workQueue.enqueue({ kind: 'retimeOpenCases', storeId, slaPolicyVersion: saved.version });
  } catch (error) {
    logger.error('SLA policy saved, but the re-timing of open cases could not be queued', {
      storeId,
      slaPolicyVersion: saved.version,
      errorName: errorName(error),
    });
  }
  return saved;
};
