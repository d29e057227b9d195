import type { Dependencies } from '../../commons/dependencies.js';
import { StateConflictError } from '../../domain/errors.js';
import { mergePatch } from '../../domain/merge-patch.js';
import type { Store } from '../../domain/store.js';
import { storeProfileView, type StoreProfileView } from '../../domain/store-profile.js';
import { storeProfileBodySchema, type StoreProfileBody, type StoreProfilePatch } from '../../schemas/store-requests.js';
import { validate } from '../../schemas/validate.js';
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
  body: StoreProfileBody,
): Promise<StoreProfileView> => save(dependencies, await loadStore(dependencies, storeId), body);

/**
 * Changes only the fields sent (`PATCH /v1/admin/store`, a JSON Merge Patch):
 * 1. reads the stored profile past the store cache (a copy from before another save would be merged onto);
 * 2. a `version` sent back that is not the stored one is a 409 (someone saved since the client read it);
 * 3. merges the patch onto the stored profile and checks the result whole (rules across fields), a 400 naming each;
 * 4. writes it in one write conditional on the version merged onto: a save landing between 1 and 4 is a 409, never
 *    overwritten blindly.
 */
export const patchStoreProfile = async (
  dependencies: Pick<Dependencies, 'stores' | 'workQueue'>,
  storeId: string,
  { version: readVersion, ...patch }: StoreProfilePatch,
): Promise<StoreProfileView> => {
  const stored = await loadStore(dependencies, storeId, { fresh: true });
  const { storeId: _storeId, version: storedVersion, ...profile } = storeProfileView(stored);
  if (readVersion !== undefined && readVersion !== storedVersion) {
    throw new StateConflictError(`The profile of store ${storeId} was changed meanwhile (version ${storedVersion})`);
  }
  const merged = validate(storeProfileBodySchema, mergePatch(profile, patch), 'body');
  return save(dependencies, stored, { ...merged, version: storedVersion });
};

const save = async (
  dependencies: Pick<Dependencies, 'stores' | 'workQueue'>,
  before: Store,
  { version: readVersion, ...profile }: StoreProfileBody,
): Promise<StoreProfileView> => {
  const saved = await dependencies.stores.saveStoreProfile(before.storeId, profile, readVersion);
  if (saved.timezone !== before.timezone && (await dependencies.stores.getSlaPolicy(saved.storeId)).version === 0) {
    await dependencies.workQueue.enqueue({ kind: 'retimeOpenCases', storeId: saved.storeId, slaPolicyVersion: 0 });
  }
  return storeProfileView(saved);
};
