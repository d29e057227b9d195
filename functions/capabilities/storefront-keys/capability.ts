import type { StorefrontKeyGateway } from '../../ports/storefront-key-gateway.js';

export type { StorefrontKeyGateway };

/** In a declaration: storefront API keys at the gateway: `register` adds new keys (an API key in the storefront usage plan), `retire` disables replaced keys once their overlap has ended. */
export interface StorefrontKeysCapability {
  storefrontKeys?: 'register' | 'retire';
}

export interface StorefrontKeysPort {
  storefrontKeys: StorefrontKeyGateway;
}

/** `storefrontKeys: 'register' | 'retire'`: adds storefront keys at the gateway, or disables replaced ones. */
export const storefrontKeysGranted = (capabilities: StorefrontKeysCapability): boolean =>
  capabilities.storefrontKeys !== undefined;
export type GrantedStorefrontKeys<C> = C extends { storefrontKeys: 'register' | 'retire' } ? 'storefrontKeys' : never;

export const STOREFRONT_KEYS_ENV = { usagePlanName: 'STOREFRONT_USAGE_PLAN_NAME' } as const;
