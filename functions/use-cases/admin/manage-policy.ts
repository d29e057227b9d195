import type { Dependencies } from '../../commons/dependencies.js';
import type { StorePolicy } from '../../domain/policy/store-policy.js';
import type { PolicyBody } from '../../schemas/admin-requests.js';

/** The store's policy (`GET /v1/admin/policy`). */
export const getPolicy = ({ stores }: Pick<Dependencies, 'stores'>, storeId: string): Promise<StorePolicy> =>
  stores.getPolicy(storeId);

/**
 * Replaces the store's policy (`PUT /v1/admin/policy`): the whole policy, validated by the schema. The server owns the
 * version: the saved one is the stored version plus one, and new decisions record it (earlier decisions keep theirs).
 * A `version` sent back by the client must be the one it replaces (409 otherwise: someone saved meanwhile): the
 * store's write is conditional on it, not on a (possibly cached) read. Without one, the write is conditional on the
 * version it replaces, so two concurrent saves cannot both pass. Returns the saved policy.
 */
export const putPolicy = async (
  { stores }: Pick<Dependencies, 'stores'>,
  storeId: string,
  { version: readVersion, ...policy }: PolicyBody,
): Promise<StorePolicy> => {
  // The version sent back is checked by the write itself: a cached read here could be older than another save.
  return stores.savePolicy(storeId, { ...policy, version: readVersion ?? 0 }, readVersion);
};
