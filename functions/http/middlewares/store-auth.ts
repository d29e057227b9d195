import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { StoreDirectory } from '../../ports/store-directory.js';
import { UnauthenticatedError } from '../../domain/errors.js';
import type { Store } from '../../domain/store.js';

export interface StoreContext extends Context {
  store: Store;
}

/**
 * The storefront's API key decides the store, never a body field. API Gateway has already checked the key against the
 * usage plan in AWS; this maps it to the store (cached) and refuses unknown keys everywhere.
 */
export const storeAuth = (
  dependencies: () => Promise<{ stores: Pick<StoreDirectory, 'findStoreByApiKey'> }>,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  before: async (request: Request<APIGatewayProxyEvent, APIGatewayProxyResult>) => {
    const apiKey = request.event.headers?.['x-api-key'];
    const store = apiKey ? await (await dependencies()).stores.findStoreByApiKey(apiKey) : undefined;
    if (!store) throw new UnauthenticatedError('Missing or invalid API key');
    (request.context as StoreContext).store = store;
  },
});
