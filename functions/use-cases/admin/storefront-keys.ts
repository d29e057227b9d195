import type { Dependencies } from '../../commons/dependencies.js';
import { apiKeyViews, type ApiKeyView } from '../../domain/api-key.js';

/** The store's storefront keys as an admin sees them (`GET /v1/admin/store/api-keys`): ids, dates, states; no key. */
export const listApiKeys = async (
  { stores, clock }: Pick<Dependencies, 'stores' | 'clock'>,
  storeId: string,
): Promise<{ keys: ApiKeyView[] }> => ({ keys: apiKeyViews(await stores.getKeyRing(storeId), clock.now()) });

/**
 * Ends one of the store's replaced keys now (`DELETE /v1/admin/store/api-keys/{keyId}`):
 * 1. the key's lookup item and the ring say it ended now, in one transaction: 401 from the next request on;
 * 2. its gateway key (in AWS) is disabled by the `retireGatewayKeys` schedule, within a minute.
 * The current key is refused (409: rotate with overlap `PT0S` instead); an id of another store is unknown (404).
 */
export const revokeApiKey = ({ stores }: Pick<Dependencies, 'stores'>, storeId: string, keyId: string): Promise<void> =>
  stores.revokeApiKey(storeId, keyId);
