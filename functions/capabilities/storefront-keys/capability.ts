import type { Capabilities } from '../../wiring/capabilities.js';

export type { StorefrontKeyGateway } from '../../ports/storefront-key-gateway.js';

/** `storefrontKeys: 'register' | 'retire'`: adds storefront keys at the gateway, or disables replaced ones. */
export const storefrontKeysGranted = (capabilities: Capabilities): boolean => capabilities.storefrontKeys !== undefined;
export type GrantedStorefrontKeys<C> = C extends { storefrontKeys: 'register' | 'retire' } ? 'storefrontKeys' : never;

export const STOREFRONT_KEYS_ENV = { usagePlanName: 'STOREFRONT_USAGE_PLAN_NAME' } as const;
