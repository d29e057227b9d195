import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayStorefrontKeys } from '../../adapters/api-gateway/api-gateway-storefront-keys.js';
import { requiredVariable } from '../../commons/config.js';
import { STOREFRONT_KEYS_ENV, type StorefrontKeyGateway } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: APIGatewayClient | undefined;

export const awsStorefrontKeys = (): StorefrontKeyGateway =>
  new ApiGatewayStorefrontKeys(
    (client ??= new APIGatewayClient({})),
    requiredVariable(STOREFRONT_KEYS_ENV.usagePlanName),
  );
