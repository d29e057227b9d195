/**
 * The API's front door for storefront keys. In AWS, API Gateway itself checks `x-api-key` against the storefront usage
 * plan before any function runs, so a new key must be registered there too; locally the gateway only checks the
 * header is present.
 */
export interface StorefrontKeyGateway {
  /** Makes `apiKey` accepted for `storeId`; returns its id at the gateway (API Gateway's API key id), if any. */
  register(storeId: string, apiKey: string, issuedAt: Date): Promise<{ gatewayKeyId?: string }>;
  /** Makes the gateway refuse a replaced key from now on (idempotent: a key already disabled or deleted is fine). */
  disable(gatewayKeyId: string): Promise<void>;
}
