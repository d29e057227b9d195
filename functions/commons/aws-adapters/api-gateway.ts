import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayStorefrontKeys } from '../../adapters/api-gateway/api-gateway-storefront-keys.js';
import type { StorefrontKeyGateway } from '../../ports/storefront-key-gateway.js';
import { storefrontUsagePlanNameFromEnv } from '../config.js';

/** The process's one client of the service (this module is loaded once, on the first call). */
const client = new APIGatewayClient({});

export const createStorefrontKeys = (): StorefrontKeyGateway =>
  new ApiGatewayStorefrontKeys(client, storefrontUsagePlanNameFromEnv());
