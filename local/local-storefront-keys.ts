import type { StorefrontKeyGateway } from '../functions/ports/storefront-key-gateway.js';

/** The local gateway only checks that `x-api-key` is present (as API Gateway's key check, minus the usage plan). */
export const localStorefrontKeys: StorefrontKeyGateway = {
  register: async () => ({}),
};
