import type { Dependencies } from '../../commons/dependencies.js';
import { storeProfileView, type StoreProfileView } from '../../domain/store-profile.js';
import type { StoreProfileBody } from '../../schemas/store-requests.js';
import { loadStore } from '../workflow/load-case.js';

/** The store's profile (`GET /v1/admin/store`), version 0 until an admin saves it. */
export const getStoreProfile = async (
  dependencies: Pick<Dependencies, 'stores'>,
  storeId: string,
): Promise<StoreProfileView> => storeProfileView(await loadStore(dependencies, storeId));

/**
 * Replaces the editable profile of the caller's store (`PUT /v1/admin/store`); the body was validated whole (every
 * problem in one 400). Versions work as in `putPolicy`: a `version` sent back must be the one it replaces (409
 * otherwise), checked by the write itself. A new case-number prefix applies to cases filed after it (the daily
 * counter goes on, so numbers stay unique). A new timezone moves the default SLA calendar of a store that never saved
 * an SLA policy: its open cases are then re-timed off the request path (a `retimeOpenCases` job), as after an SLA policy change. Returns the saved profile.
 */
export const putStoreProfile = async (
  dependencies: Pick<Dependencies, 'stores' | 'workQueue'>,
  storeId: string,
  { version: readVersion, ...profile }: StoreProfileBody,
): Promise<StoreProfileView> => {
  const before = await loadStore(dependencies, storeId);
  const saved = await dependencies.stores.saveStoreProfile(storeId, profile, readVersion);
  if (saved.timezone !== before.timezone && (await dependencies.stores.getSlaPolicy(storeId)).version === 0) {
    await dependencies.workQueue.enqueue({ kind: 'retimeOpenCases', storeId, slaPolicyVersion: 0 });
  }
  return storeProfileView(saved);
};
