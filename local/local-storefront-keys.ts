import type { StorefrontKeyGateway } from '../functions/ports/storefront-key-gateway.js';

/**
 * The local gateway only checks that `x-api-key` is present (as API Gateway's key check, minus the usage plan): no key
 * has a gateway id, so there is nothing to disable; the service itself refuses replaced keys.
 */
export const localStorefrontKeys: StorefrontKeyGateway = {
  register: async () => ({}),
  disable: async () => undefined,
};
